using Central.Api.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Omni.Contracts.V1;

namespace Central.Api.Tests;

/// <summary>
/// The real Central app on real Kestrel, bound to 127.0.0.1 port 0, with a fake clock and captured logs.
/// Two hosts started one after the other on the same folder share the database file (a restart).
/// </summary>
internal sealed class CentralHost : IAsyncDisposable
{
    // Years away from the real clock, so code that reads the system clock instead of TimeProvider fails these tests.
    public static readonly DateTimeOffset Start = new(2031, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private CentralHost(WebApplication app, FakeTimeProvider time, LogCapture logs)
    {
        _app = app;
        Time = time;
        Logs = logs;
        var endpoints = app.Services.GetRequiredService<CentralEndpoints>();
        _channel = GrpcChannel.ForAddress(endpoints.GrpcAddress!);
        Http = new HttpClient { BaseAddress = endpoints.HttpAddress };
        Sync = new EdgeSync.EdgeSyncClient(_channel);
        Klantcontacten = new Omni.Contracts.V1.Klantcontacten.KlantcontactenClient(_channel);
    }

    public FakeTimeProvider Time { get; }

    public LogCapture Logs { get; }

    public HttpClient Http { get; }

    public EdgeSync.EdgeSyncClient Sync { get; }

    public Omni.Contracts.V1.Klantcontacten.KlantcontactenClient Klantcontacten { get; }

    public IServiceProvider Services => _app.Services;

    public static string DatabasePath(TempDirectory directory) => directory.File("central.db");

    public static async Task<CentralHost> StartAsync(
        TempDirectory directory,
        FakeTimeProvider? time = null,
        params string[] extraArgs)
    {
        time ??= new FakeTimeProvider(Start);
        var logs = new LogCapture();
        string[] args =
        [
            $"--Central:Database={DatabasePath(directory)}",
            "--Central:GrpcUrl=http://127.0.0.1:0",
            "--Central:HttpUrl=http://127.0.0.1:0",
            "--Central:Gemeente=0363",
            .. extraArgs,
        ];
        var app = CentralApp.Build(args, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
        });
        await app.StartAsync();
        return new CentralHost(app, time, logs);
    }

    /// <summary>Stops the app, then fails the test on any error log or seeded personal data in any log line.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Logs.AssertClean(TestData.PersonalData);
    }
}
