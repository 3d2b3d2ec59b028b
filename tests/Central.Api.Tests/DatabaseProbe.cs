using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Central.Api.Tests;

/// <summary>Reads Central's SQLite file directly, to check what is stored beyond what the API shows.</summary>
internal static class DatabaseProbe
{
    public static async Task<long> ScalarAsync(TempDirectory directory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={CentralHost.DatabasePath(directory)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task<string> TextAsync(TempDirectory directory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={CentralHost.DatabasePath(directory)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
