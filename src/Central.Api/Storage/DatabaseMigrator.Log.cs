namespace Central.Api.Storage;

internal sealed partial class DatabaseMigrator
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2301, EventName = "MigrationsApplied", Level = LogLevel.Information,
            Message = "Database schema is current; {ScriptCount} migration script(s) applied")]
        public static partial void MigrationsApplied(ILogger logger, int scriptCount);

        [LoggerMessage(EventId = 2302, EventName = "MigrationFailed", Level = LogLevel.Critical,
            Message = "Database migration failed in script {ScriptName}")]
        public static partial void MigrationFailed(ILogger logger, string scriptName, Exception? exception);
    }
}
