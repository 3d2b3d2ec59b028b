using Microsoft.Data.Sqlite;

namespace Central.Api.Storage;

/// <summary>
/// Reads what is stored under a uuid inside a sync batch's transaction. Only a record id that could not be
/// inserted is looked up, so a batch of new records never runs these statements.
/// </summary>
internal sealed class SqlitePayloadReader : IDisposable
{
    private readonly SqliteCommand _klantcontact;
    private readonly SqliteCommand _interneTaak;

    public SqlitePayloadReader(SqliteTransaction transaction, string gemeente)
    {
        _klantcontact = Create(transaction, gemeente, "SELECT payload, source FROM klantcontacten");
        _interneTaak = Create(transaction, gemeente, "SELECT payload FROM interne_taken");
    }

    /// <summary>The stored contact's payload and source ("edge" or "api"), or null when the uuid is not stored.</summary>
    public (byte[] Payload, string Source)? ReadKlantcontact(string uuid)
    {
        _klantcontact.Parameters["$uuid"].Value = uuid;
        using var reader = _klantcontact.ExecuteReader();
        return reader.Read() ? ((byte[])reader.GetValue(0), reader.GetString(1)) : null;
    }

    public byte[]? ReadInterneTaak(string uuid)
    {
        _interneTaak.Parameters["$uuid"].Value = uuid;
        return _interneTaak.ExecuteScalar() as byte[];
    }

    public void Dispose()
    {
        _klantcontact.Dispose();
        _interneTaak.Dispose();
    }

    private static SqliteCommand Create(SqliteTransaction transaction, string gemeente, string select)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = select + " WHERE gemeente = $gemeente AND uuid = $uuid;";
        command.Parameters.AddWithValue("$gemeente", gemeente);
        command.Parameters.Add("$uuid", SqliteType.Text);
        return command;
    }
}
