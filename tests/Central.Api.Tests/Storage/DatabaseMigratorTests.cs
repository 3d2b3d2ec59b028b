namespace Central.Api.Tests.Storage;

public sealed class DatabaseMigratorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Start_EmptyFolder_CreatesTheSchemaInWalMode()
    {
        await using var host = await CentralHost.StartAsync(_directory);

        Assert.Equal("wal", await DatabaseProbe.TextAsync(_directory, "PRAGMA journal_mode;"));
        Assert.Equal(2, await DatabaseProbe.ScalarAsync(_directory, "SELECT COUNT(*) FROM SchemaVersions"));
        foreach (var table in new[] { "klantcontacten", "interne_taken", "sync_records", "sync_rejections", "sync_streams" })
        {
            Assert.Equal(1, await DatabaseProbe.ScalarAsync(_directory,
                $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"));
        }

        Assert.Contains(host.Logs.Entries, e => e.EventId == 2301 && e.Message.Contains(" 2 migration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_SecondTimeOnSameFile_AppliesNothingAndKeepsData()
    {
        await using (var first = await CentralHost.StartAsync(_directory))
        {
            await first.Sync.PushBatchAsync(TestData.Batch(CentralHost.Start, 1, 3));
        }

        await using var second = await CentralHost.StartAsync(_directory);

        Assert.Equal(2, await DatabaseProbe.ScalarAsync(_directory, "SELECT COUNT(*) FROM SchemaVersions"));
        Assert.Equal(3, await DatabaseProbe.ScalarAsync(_directory, "SELECT COUNT(*) FROM klantcontacten"));
        Assert.Contains(second.Logs.Entries, e => e.EventId == 2301 && e.Message.Contains(" 0 migration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_DatabaseInMissingSubfolder_CreatesTheFolder()
    {
        var nested = Path.Combine(_directory.Path, "data", "central.db");

        await using var host = await CentralHost.StartAsync(_directory, null, $"--Central:Database={nested}");

        Assert.True(File.Exists(nested));
    }
}
