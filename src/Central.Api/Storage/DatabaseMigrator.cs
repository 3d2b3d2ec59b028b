using DbUp;
using DbUp.Engine;

namespace Central.Api.Storage;

/// <summary>
/// Brings the database to the newest schema with DbUp before Central serves a request. Scripts are embedded
/// resources, one per version, applied once each and recorded in DbUp's journal table, so a restart on
/// an up-to-date database applies nothing.
/// </summary>
internal sealed partial class DatabaseMigrator(SqliteDatabase database, ILogger<DatabaseMigrator> logger)
{
    private const string ScriptPrefix = "Central.Api.Storage.Migrations.";

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(database.FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await EnableWriteAheadLogAsync(cancellationToken);
        var result = BuildEngine().PerformUpgrade();
        if (!result.Successful)
        {
            Log.MigrationFailed(logger, result.ErrorScript?.Name ?? "(none)", result.Error);
            throw new InvalidOperationException("Database migration failed; see the logged error.", result.Error);
        }

        var applied = result.Scripts.Count();
        Log.MigrationsApplied(logger, applied);
        return applied;
    }

    // journal_mode=WAL is stored in the file, so setting it once per start covers every later connection.
    private async Task EnableWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private UpgradeEngine BuildEngine() =>
        DeployChanges.To
            .SqliteDatabase(database.ConnectionString)
            .WithScriptsEmbeddedInAssembly(
                typeof(DatabaseMigrator).Assembly,
                name => name.StartsWith(ScriptPrefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
}
