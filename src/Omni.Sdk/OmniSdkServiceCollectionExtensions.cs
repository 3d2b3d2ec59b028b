using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omni.Contracts.V1;
using Omni.Sdk.Internal.Central;
using Omni.Sdk.Internal.Configuration;
using Omni.Sdk.Internal.Health;
using Omni.Sdk.Internal.Recording;
using Omni.Sdk.Internal.Security;
using Omni.Sdk.Internal.Sending;
using Omni.Sdk.Internal.Storage;

namespace Omni.Sdk;

/// <summary>Registers the SDK: the outbox, its sender, the configuration cache, health, metrics and Central's clients.</summary>
public static class OmniSdkServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SDK with options bound from <paramref name="configuration"/> (e.g. the <c>OmniSdk</c> section),
    /// validated at start. Registers <see cref="IOmniRecorder"/>, <see cref="IOutboxMonitor"/>,
    /// <see cref="IEdgeConfigurationProvider"/>, the background sender, the <c>omni-outbox</c> health check and a
    /// <see cref="Klantcontacten.KlantcontactenClient"/> for Central's klantcontacten register.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <see cref="OmniSdkOptions"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddOmniSdk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AddValidatedOptions(services).Bind(configuration);
        return AddCore(services);
    }

    /// <summary>Adds the SDK with options set in code, validated at start. Registers what the other overload does.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="OmniSdkOptions.DeviceId"/> is required.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddOmniSdk(this IServiceCollection services, Action<OmniSdkOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddValidatedOptions(services).Configure(configure);
        return AddCore(services);
    }

    private static OptionsBuilder<OmniSdkOptions> AddValidatedOptions(IServiceCollection services)
    {
        var builder = services.AddOptions<OmniSdkOptions>();
        builder.ValidateDataAnnotations()
            .Validate(o => o.BackoffMin <= o.BackoffMax, "BackoffMin must not exceed BackoffMax.")
            .Validate(o => o.CentralAddress is { IsAbsoluteUri: true, Scheme: "http" or "https" },
                "CentralAddress must be an absolute http:// or https:// address.")
            .ValidateOnStart();
        return builder;
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        AddStorage(services);
        AddCentral(services);
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<EdgeConfigurationStore>();
        services.AddSingleton<EdgeConfigurationCache>();
        services.AddSingleton<IEdgeConfigurationProvider>(sp => sp.GetRequiredService<EdgeConfigurationCache>());
        services.AddHostedService(sp => sp.GetRequiredService<EdgeConfigurationCache>());
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>(OmniSdkTelemetry.HealthCheckName, tags: ["omni", "outbox"]);
        return services;
    }

    private static void AddStorage(IServiceCollection services)
    {
        services.AddSingleton(sp => CreateCipher(Options(sp)));
        services.AddSingleton(sp => new OutboxCounters(Options(sp).MaxRecords, Options(sp).MaxBytes));
        services.AddSingleton(sp => OutboxDatabase.Open(
            ResolveOutboxPath(Options(sp).OutboxPath, sp.GetService<IHostEnvironment>()),
            sp.GetRequiredService<OutboxCipher>(),
            sp.GetRequiredService<OutboxCounters>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<OutboxDatabase>()));
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<LinkState>();
        services.AddSingleton(sp => CreateMetrics(sp));
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<OutboxQueue>();
        services.AddSingleton<OutboxStatusReader>();
        services.AddSingleton<OutboxMonitor>();
        services.AddSingleton<IOutboxMonitor>(sp => sp.GetRequiredService<OutboxMonitor>());
        services.AddSingleton<OutboxRecorder>();
        services.AddSingleton<IOmniRecorder>(sp => sp.GetRequiredService<OutboxRecorder>());
    }

    private static void AddCentral(IServiceCollection services)
    {
        services.AddSingleton(sp => new CentralChannel(CentralChannelFactory.Create(Options(sp).CentralAddress)));
        services.AddSingleton(sp => new EdgeSync.EdgeSyncClient(sp.GetRequiredService<CentralChannel>().Channel));
        services.TryAddSingleton(sp => new Klantcontacten.KlantcontactenClient(sp.GetRequiredService<CentralChannel>().Channel));
    }

    private static OmniSdkOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<OmniSdkOptions>>().Value;

    private static OutboxCipher CreateCipher(OmniSdkOptions options)
    {
        var key = OutboxKeyLoader.Load(options.KeyFile, Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY"));
        try
        {
            return new OutboxCipher(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static OutboxMetrics CreateMetrics(IServiceProvider services)
    {
        var metrics = new OutboxMetrics(services.GetService<IMeterFactory>());
        metrics.Observe(() => services.GetRequiredService<OutboxMonitor>().Read());
        return metrics;
    }

    private static string ResolveOutboxPath(string path, IHostEnvironment? environment) =>
        Path.IsPathRooted(path) || environment is null ? Path.GetFullPath(path) : Path.Combine(environment.ContentRootPath, path);
}
