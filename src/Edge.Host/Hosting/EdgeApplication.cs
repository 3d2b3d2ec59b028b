using Edge.Host.Health;
using Edge.Host.Klantcontacten;
using Edge.Host.Liveness;
using Edge.Host.Systemd;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Omni.Sdk;

namespace Edge.Host.Hosting;

/// <summary>Builds the edge host; Program.cs and the tests use the same two steps.</summary>
internal static class EdgeApplication
{
    public const string OmniSectionName = "Omni";

    /// <summary>Stays inside the units' TimeoutStopSec=30 so systemd never has to SIGKILL a clean shutdown.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        GcLatency.Apply();
        // Under systemd the working directory is the state directory; settings ship beside the binary.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(builder.Configuration[EdgeOptions.SectionName + ":HttpUrl"] ?? EdgeOptions.DefaultHttpUrl);
        AddEdgeServices(builder);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.MapHealthz();
        app.MapPost(
            KlantcontactenEndpoint.Path,
            (HttpContext context, KlantcontactenEndpoint endpoint, CancellationToken cancellationToken) =>
                endpoint.CreateAsync(context, cancellationToken));
        return app;
    }

    private static void AddEdgeServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSystemd();
        services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<EdgeOptions>().Bind(configuration.GetSection(EdgeOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeOptions>, EdgeOptionsValidator>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, EdgeKestrelLimits>();

        services.AddOmniSdk(configuration.GetSection(OmniSectionName));

        services.AddSingleton<LivenessChecker>();
        services.AddSingleton(SystemdWatchdogSettings.Read(Environment.GetEnvironmentVariable, Environment.ProcessId));
        services.AddHostedService<SystemdWatchdogService>();
        services.AddSingleton<KlantcontactenEndpoint>();
    }
}
