using System.Net;
using System.Text;
using System.Text.Json;
using Central.Api.Hosting;
using Central.Api.Tests.Klantcontacten;
using Google.Protobuf;
using Grpc.Core;

namespace Central.Api.Tests.Hosting;

public sealed class RequestBodyLimitTests : IDisposable
{
    private const string Path = "/api/v1/klantcontacten";
    private const int SmallRestLimit = 64 * 1024;
    private const int SmallGrpcLimit = 4 * 1024 * 1024;
    private const string ResourceExhausted = "8";

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Post_DeclaredLengthOverLimit_Returns413NamingTheLimit()
    {
        await using var host = await StartAsync();

        using var response = await host.Http.PostAsync(Path, RestJson.Body(Padded(SmallRestLimit + 1)));

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413NamingTheLimit()
    {
        await using var host = await StartAsync();
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Padded(SmallRestLimit + 1))));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Http.SendAsync(request);

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task Post_LargestTextEscapedUnderDefaultLimit_IsCreated()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var klantcontact = TestData.Klantcontact(CentralHost.Start);
        klantcontact.Inhoud = string.Concat(Enumerable.Repeat("\U0001F600", 10_000));

        // Every emoji written as a JSON-escaped surrogate pair: 12 bytes per character, 120,000 bytes of inhoud.
        var json = JsonFormatter.Default.Format(klantcontact)
            .Replace("\U0001F600", "\\ud83d\\ude00", StringComparison.Ordinal);
        using var response = await host.Http.PostAsync(Path, RestJson.Body(json));

        Assert.True(json.Length > 120_000);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PushBatch_OverRestLimitUnderGrpcLimit_IsAccepted()
    {
        await using var host = await StartAsync();
        var batch = TestData.Batch(CentralHost.Start, first: 1, count: 400);
        foreach (var envelope in batch.Envelopes)
        {
            envelope.Klantcontact.Inhoud = new string('x', 9_000);
        }

        var response = await host.Sync.PushBatchAsync(batch);

        Assert.True(batch.CalculateSize() > SmallGrpcLimit / 2);
        Assert.Equal(400, response.AcknowledgedSequence);
        Assert.Empty(response.Rejections);
    }

    [Fact]
    public async Task PushBatch_OverKestrelDefaultUnderDefaultGrpcLimit_IsAccepted()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var batch = TestData.Batch(CentralHost.Start, first: 1, count: 3_450);
        foreach (var envelope in batch.Envelopes)
        {
            envelope.Klantcontact.Inhoud = new string('x', 9_000);
        }

        var response = await host.Sync.PushBatchAsync(batch);

        // Kestrel's default body limit is 30,000,000 bytes; the default MaxReceiveMessageBytes is 32 MiB.
        Assert.InRange(batch.CalculateSize(), 30_000_001, 32 * 1024 * 1024);
        Assert.Equal(3_450, response.AcknowledgedSequence);
    }

    [Fact]
    public async Task PushBatch_MessageOverGrpcLimit_ResourceExhaustedWithoutErrorLog()
    {
        await using var host = await StartAsync();
        var batch = TestData.Batch(CentralHost.Start, first: 1, count: 500);
        foreach (var envelope in batch.Envelopes)
        {
            envelope.Klantcontact.Inhoud = new string('x', 9_000);
        }

        var error = await Assert.ThrowsAsync<RpcException>(async () => await host.Sync.PushBatchAsync(batch));

        Assert.True(batch.CalculateSize() > SmallGrpcLimit);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Call_DeclaredContentLengthOverGrpcLimit_ResourceExhaustedBeforeReading()
    {
        await using var host = await StartAsync();
        var endpoints = (CentralEndpoints)host.Services.GetService(typeof(CentralEndpoints))!;
        var body = RawGrpcCall.Frame(new byte[SmallGrpcLimit + 1]);

        var status = await RawGrpcCall.SendAsync(
            endpoints.GrpcAddress!, "/omni.v1.EdgeSync/PushBatch", new ByteArrayContent(body));

        Assert.Equal(ResourceExhausted, status);
        Assert.Contains(host.Logs.Entries, entry => entry.EventId == 2401);
    }

    private static string Padded(int length) =>
        $$"""{"onderwerp":"{{new string('x', length)}}"}""";

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(8, body.RootElement.GetProperty("code").GetInt32());
        Assert.Equal($"body: must be at most {SmallRestLimit} bytes", body.RootElement.GetProperty("message").GetString());
    }

    private Task<CentralHost> StartAsync() => CentralHost.StartAsync(
        _directory,
        null,
        $"--Central:MaxRestBodyBytes={SmallRestLimit}",
        $"--Central:MaxReceiveMessageBytes={SmallGrpcLimit}");
}
