using Edge.Host.Hosting;
using Edge.Host.Systemd;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Edge.Host.Tests.Support;

/// <summary>The real edge host on 127.0.0.1 with a port the OS picks, a real outbox file, and no Central.</summary>
internal sealed class TestEdgeHost : IAsyncDisposable
{
    /// <summary>Nothing listens on port 1 of the loopback address: connecting is refused at once.</summary>
    public const string UnreachableCentral = "http://127.0.0.1:1";

    private readonly WebApplication _app;

    private TestEdgeHost(WebApplication app, CapturingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        var address = new Uri(app.Urls.Single());
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static string[] Arguments(TempDirectory data, params string[] extra) =>
    [
        "--Edge:HttpUrl=http://127.0.0.1:0",
        "--Omni:CentralAddress=" + UnreachableCentral,
        "--Omni:DeviceId=edge-test",
        "--Omni:OutboxPath=" + data.File("outbox.db"),
        "--Omni:KeyFile=" + WriteKey(data),
        .. extra,
    ];

    public static async Task<TestEdgeHost> StartAsync(
        TempDirectory data, Action<IServiceCollection>? configure = null, params string[] extraArguments)
    {
        var builder = EdgeApplication.CreateBuilder(Arguments(data, extraArguments));
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);

        // The test process may itself run under systemd; its watchdog is not ours to pet.
        builder.Services.AddSingleton(SystemdWatchdogSettings.Disabled(WatchdogState.NoNotifySocket));
        configure?.Invoke(builder.Services);
        var app = EdgeApplication.Build(builder);
        await app.StartAsync();
        return new TestEdgeHost(app, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string WriteKey(TempDirectory data)
    {
        var path = data.File("outbox.key");
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path, [.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        }

        return path;
    }
}
