using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omni.Contracts.V1;
using Omni.Sdk.Tests.Support;

namespace Omni.Sdk.Tests;

public sealed class OmniSdkServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();
    private readonly Uri _nowhere = new("http://127.0.0.1:1");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Start_NoKeyConfigured_FailsWithClearKeyError()
    {
        // The test runner is not a systemd service with credentials; the fallback must find nothing.
        Assert.Null(Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY"));
        using var host = SdkHarness.Build(_dir.Path, _nowhere, _time, keyFile: null, new CapturingLoggerProvider());

        var error = await Assert.ThrowsAsync<OutboxKeyException>(() => host.StartAsync());

        Assert.Contains("No outbox key", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("outbox.db")));
    }

    [Fact]
    public async Task Start_CorruptOutbox_FailsAndKeepsTheFile()
    {
        var keyFile = TestKeys.WriteHexKeyFile(_dir.Path, TestKeys.NewKey());
        var garbage = "this is not a database, but it may be the only copy of something"u8.ToArray();
        await File.WriteAllBytesAsync(_dir.File("outbox.db"), garbage);
        using var host = SdkHarness.Build(_dir.Path, _nowhere, _time, keyFile, new CapturingLoggerProvider());

        var error = await Assert.ThrowsAsync<OutboxCorruptException>(() => host.StartAsync());

        Assert.Equal(_dir.File("outbox.db"), error.Path);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(_dir.File("outbox.db")));
    }

    [Fact]
    public async Task Start_InvalidOptions_ReportsEveryProblemAtOnce()
    {
        var keyFile = TestKeys.WriteHexKeyFile(_dir.Path, TestKeys.NewKey());
        using var host = SdkHarness.Build(_dir.Path, _nowhere, _time, keyFile, new CapturingLoggerProvider(), o =>
        {
            o.DeviceId = string.Empty;
            o.BatchSize = 0;
            o.BackoffMin = TimeSpan.FromMinutes(5);
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("DeviceId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("BatchSize", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("BackoffMin", StringComparison.Ordinal));
    }

    // The app picks the configuration section, so a message names the option alone, and a bound reads as a number.
    [Fact]
    public async Task Start_OutOfRangeBudgetAndBadAddress_MessagesNameTheOptionReadably()
    {
        var keyFile = TestKeys.WriteHexKeyFile(_dir.Path, TestKeys.NewKey());
        using var host = SdkHarness.Build(_dir.Path, _nowhere, _time, keyFile, new CapturingLoggerProvider(), o =>
        {
            o.MaxRecords = -1;
            o.MaxBytes = 10;
            o.CentralAddress = new Uri("ftp://127.0.0.1:7081");
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("MaxRecords must be at least 1.", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxBytes must be at least 1024.", StringComparison.Ordinal));
        Assert.Contains("CentralAddress must be an absolute http:// or https:// address.", error.Failures);
        Assert.DoesNotContain(error.Failures, f => f.Contains("OmniSdk:", StringComparison.Ordinal));
    }

    [Fact]
    public void AddOmniSdk_FromConfiguration_BindsAndRegistersTheSurface()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OmniSdk:DeviceId"] = "kiosk-7",
            ["OmniSdk:CentralAddress"] = "http://127.0.0.1:7081",
            ["OmniSdk:BatchSize"] = "250",
            ["OmniSdk:ConfigurationRefreshInterval"] = "00:02:00",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddOmniSdk(configuration.GetSection("OmniSdk"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<OmniSdkOptions>>().Value;

        Assert.Equal("kiosk-7", options.DeviceId);
        Assert.Equal(250, options.BatchSize);
        Assert.Equal(TimeSpan.FromMinutes(2), options.ConfigurationRefreshInterval);
        Assert.Equal("data/outbox.db", options.OutboxPath);
        Assert.Equal(1_000_000, options.MaxRecords);
        Assert.NotNull(provider.GetRequiredService<Klantcontacten.KlantcontactenClient>());
        Assert.True(services.Count(d => d.ServiceType == typeof(IHostedService)) >= 2, "the sender and the configuration cache");
        Assert.Contains(services, d => d.ServiceType == typeof(IOmniRecorder));
        Assert.Contains(services, d => d.ServiceType == typeof(IOutboxMonitor));
        Assert.Contains(services, d => d.ServiceType == typeof(IEdgeConfigurationProvider));
    }
}
