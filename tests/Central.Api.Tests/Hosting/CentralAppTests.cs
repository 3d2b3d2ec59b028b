using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Central.Api.Tests.Hosting;

public sealed class CentralAppTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Healthz_DatabaseReachable_ReturnsHealthyJson()
    {
        await using var host = await CentralHost.StartAsync(_directory);

        using var response = await host.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task Start_InvalidOptions_FailsReportingEveryProblem()
    {
        string[] invalid =
        [
            "--Central:Gemeente=Utrecht", "--Central:GrpcUrl=http://central.example:7081", "--Central:MaxBatchEnvelopes=0",
        ];

        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => CentralHost.StartAsync(_directory, null, invalid));

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("Gemeente", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("GrpcUrl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxBatchEnvelopes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_PortZero_ReportsTheBoundLoopbackPorts()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var endpoints = host.Services.GetService(typeof(Central.Api.Hosting.CentralEndpoints)) as Central.Api.Hosting.CentralEndpoints;

        Assert.NotNull(endpoints);
        Assert.Equal("127.0.0.1", endpoints.GrpcAddress!.Host);
        Assert.NotEqual(0, endpoints.GrpcAddress.Port);
        Assert.NotEqual(endpoints.GrpcAddress.Port, endpoints.HttpAddress!.Port);
    }
}
