using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Omni.Sdk.Tests.Support;

/// <summary>
/// Hosts the SDK as an app does (a generic host with AddOmniSdk), on a fake clock, with every log line captured.
/// Disposing stops the host and fails the test if any log line holds seeded personal data.
/// </summary>
internal sealed class SdkHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private SdkHarness(IHost host, CapturingLoggerProvider logs)
    {
        _host = host;
        Logs = logs;
    }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _host.Services;

    public IOmniRecorder Recorder => Services.GetRequiredService<IOmniRecorder>();

    public IOutboxMonitor Monitor => Services.GetRequiredService<IOutboxMonitor>();

    /// <summary>Whether error logs are expected (e.g. the storage budget alarm); otherwise they fail the test.</summary>
    public bool ErrorsExpected { get; set; }

    public static IHost Build(string directory, Uri central, FakeTimeProvider time, string? keyFile,
        CapturingLoggerProvider logs, Action<OmniSdkOptions>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddOmniSdk(options =>
        {
            options.DeviceId = "kiosk-3";
            options.CentralAddress = central;
            options.OutboxPath = "outbox.db";
            options.KeyFile = keyFile;
            configure?.Invoke(options);
        });
        return builder.Build();
    }

    public static async Task<SdkHarness> StartAsync(string directory, Uri central, FakeTimeProvider time, string keyFile,
        Action<OmniSdkOptions>? configure = null)
    {
        var logs = new CapturingLoggerProvider();
        var host = Build(directory, central, time, keyFile, logs, configure);
        await host.StartAsync();
        return new SdkHarness(host, logs);
    }

    public async Task<HealthStatus> CheckHealthAsync()
    {
        var report = await Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries[OmniSdkTelemetry.HealthCheckName].Status;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        Logs.AssertNoPersonalData(TestData.PersonalData);
        if (!ErrorsExpected)
        {
            Logs.AssertNoErrors();
        }
    }
}
