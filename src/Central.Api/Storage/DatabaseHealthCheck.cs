using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Central.Api.Storage;

/// <summary>Healthy when the database answers a trivial query.</summary>
internal sealed class DatabaseHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1;";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception)
        {
            return HealthCheckResult.Unhealthy("database unavailable", exception);
        }
    }
}
