using Edge.Host.Liveness;

namespace Edge.Host.Health;

/// <summary>GET /healthz: the outbox snapshot plus a verdict that load balancers and operators can act on.</summary>
internal static class HealthzEndpoint
{
    public const string Path = "/healthz";

    public static IEndpointRouteBuilder MapHealthz(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, LivenessChecker liveness, CancellationToken cancellationToken)
    {
        var report = await liveness.CheckAsync(cancellationToken);
        var body = ToResponse(report);

        // A probe must always see the current state, never a cached one.
        context.Response.Headers.CacheControl = "no-store";
        var statusCode = body.Status == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        return Results.Json(body, statusCode: statusCode);
    }

    internal static HealthzResponse ToResponse(LivenessReport report)
    {
        var outbox = report.Outbox;
        return new HealthzResponse(
            Verdict(report),
            outbox.BacklogCount,
            outbox.BacklogBytes,
            outbox.OldestAge is { } age ? Math.Round(age.TotalSeconds, 3) : null,
            outbox.DeadLetterCount,
            outbox.CentralReachable,
            outbox.StorageFull);
    }

    private static string Verdict(LivenessReport report)
    {
        // Unhealthy means the device can no longer keep its promise (capture durably, forward eventually).
        if (report.Outbox.StorageFull || !report.IsAlive)
        {
            return "unhealthy";
        }

        // Degraded means it still captures, but someone should look: Central away, or records rejected for good.
        return report.Outbox.DeadLetterCount > 0 || !report.Outbox.CentralReachable ? "degraded" : "healthy";
    }
}
