using Central.Api.Storage;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Central.Api.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OpenAsync_AnyConnection_CommitsWithSynchronousFull()
    {
        using var database = Create("central.db");
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";

        var level = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(2, level);
    }

    [Fact]
    public void FilePath_RelativeDatabase_IsUnderTheContentRoot()
    {
        using var database = Create("data/central.db");

        Assert.Equal(Path.Combine(_directory.Path, "data", "central.db"), database.FilePath);
    }

    private SqliteDatabase Create(string database) =>
        new(Options.Create(new CentralOptions { Database = database }), new Environment(_directory.Path));

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "Central.Api.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
