using Microsoft.Data.Sqlite;

namespace Omnichannel.Bench.Harness;

/// <summary>
/// Reads a table's DDL (the table, then its explicit indexes) from a database the product created, so a
/// reference table has exactly the product's columns, constraints and indexes without a second copy of them.
/// </summary>
internal static class SchemaCopy
{
    public static IReadOnlyList<string> Read(string databasePath, string table)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sql FROM sqlite_master WHERE tbl_name = $table AND sql IS NOT NULL
            ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, name;
            """;
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var statements = new List<string>();
        while (reader.Read())
        {
            statements.Add(reader.GetString(0) + ";");
        }

        return statements.Count > 0
            ? statements
            : throw new InvalidOperationException($"The product database has no table '{table}'.");
    }
}
