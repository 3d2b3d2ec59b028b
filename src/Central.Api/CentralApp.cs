using Central.Api.Configuration;
using Central.Api.Hosting;
using Central.Api.Klantcontacten;
using Central.Api.Storage;
using Central.Api.Sync;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Central.Api;

/// <summary>Builds the Central web application; Program.cs runs it, tests start it on port 0.</summary>
internal static class CentralApp
{
    /// <summary>
    /// Builds the application from command-line style arguments (e.g. "--Central:Database=x.db").
    /// <paramref name="configure"/> runs last, so tests can replace services such as the TimeProvider.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        KeepRequestValuesOutOfLogs(builder.Logging);
        AddServices(builder.Services, builder.Configuration.GetSection(CentralOptions.SectionName));
        configure?.Invoke(builder);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfigurationSection centralSection)
    {
        services.AddSystemd();
        services.AddOptions<CentralOptions>().Bind(centralSection).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CentralOptions>, CentralOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CentralEndpoints>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelEndpointSetup>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelLimitsSetup>();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<EdgeConfigurationProvider>();
        services.AddSingleton<WachtrijRouter>();
        services.AddSingleton<ISyncStore, SqliteSyncStore>();
        services.AddSingleton<IKlantcontactStore, SqliteKlantcontactStore>();
        services.AddHostedService<StartupTasks>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddGrpc().AddJsonTranscoding();
        GuardedMethodBinding.Add(services);
        services.AddSingleton<IConfigureOptions<GrpcServiceOptions>, GrpcLimitsSetup>();
    }

    // gRPC logs each non-OK status with its detail at Information. Our details name fields only, but JSON
    // transcoding's own parse errors quote the offending value (e.g. "Invalid Timestamp value: ..."),
    // which may be personal data. Unhandled exceptions are still logged, at Error.
    // ValueRedactionMiddleware keeps those values out of the response bodies too. ASP.NET Core's request
    // logging writes the full URL, query string included, at Information; it is raised to Warning as well.
    private static void KeepRequestValuesOutOfLogs(ILoggingBuilder logging)
    {
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        logging.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Warning);
        logging.AddFilter("Grpc.AspNetCore.Grpc.JsonTranscoding.ServerCallHandler", LogLevel.Warning);
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.UseMiddleware<GrpcBodyLimitMiddleware>();
        app.UseMiddleware<RestBodyLimitMiddleware>();
        app.UseMiddleware<ValueRedactionMiddleware>();
        app.MapGrpcService<EdgeSyncService>();
        app.MapGrpcService<KlantcontactenService>();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
    }
}
