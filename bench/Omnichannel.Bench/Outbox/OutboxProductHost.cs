using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omni.Sdk;
using Omni.Sdk.Internal.Storage;
using Omnichannel.Bench.Harness;

namespace Omnichannel.Bench.Outbox;

/// <summary>
/// The SDK hosted as an app hosts it (generic host, AddOmniSdk, encryption on), with Central at a closed
/// loopback port: the sender runs and backs off, every append stays in the outbox.
/// </summary>
internal sealed class OutboxProductHost : IAsyncDisposable
{
    private readonly IHost _host;

    private OutboxProductHost(IHost host, LogCounter logs)
    {
        _host = host;
        Logs = logs;
        Recorder = host.Services.GetRequiredService<IOmniRecorder>();
    }

    public IOmniRecorder Recorder { get; }

    public LogCounter Logs { get; }

    /// <summary>Transactions the outbox writer committed so far (one fsync each).</summary>
    public long Commits => _host.Services.GetRequiredService<OutboxWriter>().CommitCount;

    public string OutboxPath => _host.Services.GetRequiredService<OutboxDatabase>().Path;

    public static async Task<OutboxProductHost> StartAsync(string folder, Uri central)
    {
        var keyFile = Path.Combine(folder, "outbox.key");
        await File.WriteAllBytesAsync(keyFile, RandomNumberGenerator.GetBytes(32));
        var logs = new LogCounter();
        var settings = new HostApplicationBuilderSettings { ContentRootPath = folder };
        var builder = Host.CreateEmptyApplicationBuilder(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddOmniSdk(options =>
        {
            options.DeviceId = "bench-kiosk";
            options.CentralAddress = central;
            options.OutboxPath = "outbox.db";
            options.KeyFile = keyFile;
        });
        var host = builder.Build();
        await host.StartAsync();
        return new OutboxProductHost(host, logs);
    }

    public async Task<long> BacklogAsync() =>
        (await _host.Services.GetRequiredService<IOutboxMonitor>().GetStatusAsync()).BacklogCount;

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
