using Central.Api.Hosting;
using Microsoft.Extensions.Logging;

namespace Central.Api.Tests.Hosting;

public sealed class RequestMessageGuardTests : IDisposable
{
    private const string GetKlantcontact = "/omni.v1.Klantcontacten/GetKlantcontact";
    private const string PushBatch = "/omni.v1.EdgeSync/PushBatch";
    private const string InvalidArgument = "3";

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string, byte[]> MalformedMessages => new()
    {
        // Field 1 (uuid, a string) holding the bytes FF FE: not UTF-8.
        { GetKlantcontact, [0x0A, 0x02, 0xFF, 0xFE] },

        // Field 1 declares 100 bytes and the message ends after 2.
        { GetKlantcontact, [0x0A, 0x64, 0x41, 0x42] },

        // Tag 0, which no field can have.
        { PushBatch, [0x00, 0x01] },

        // Field 3 (envelopes) with a nested envelope whose record id is not UTF-8.
        { PushBatch, [0x1A, 0x04, 0x0A, 0x02, 0xFF, 0xC0] },
    };

    [Theory]
    [MemberData(nameof(MalformedMessages))]
    public async Task Call_MalformedMessage_InvalidArgumentLoggedAtInformationWithoutBytes(string method, byte[] message)
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var endpoints = (CentralEndpoints)host.Services.GetService(typeof(CentralEndpoints))!;

        var status = await RawGrpcCall.SendAsync(
            endpoints.GrpcAddress!, method, new ByteArrayContent(RawGrpcCall.Frame(message)));

        Assert.Equal(InvalidArgument, status);
        var refusal = Assert.Single(host.Logs.Entries, entry => entry.EventId == 2403);
        Assert.Equal(LogLevel.Information, refusal.Level);
        Assert.Null(refusal.Exception);
        Assert.DoesNotContain(host.Logs.Entries, entry => entry.Level >= LogLevel.Warning);
        Assert.DoesNotContain(host.Logs.Entries, entry =>
            entry.Message.Contains("[FF]", StringComparison.Ordinal) || entry.Exception is not null);
    }
}
