using Microsoft.Data.Sqlite;

namespace Central.Api.Storage;

/// <summary>
/// Reads the stored payload of a klantcontact or interne taak by uuid inside a sync batch's transaction. Only a
/// record id seen before is looked up, so a batch of new records never runs these statements.
/// </summary>
internal sealed class SqlitePayloadReader : IAsyncDisposable
{
    private readonly SqliteCommand _klantcontact;
    private readonly SqliteCommand _interneTaak;

    public SqlitePayloadReader(SqliteTransaction transaction, string gemeente)
    {
        _klantcontact = Create(transaction, gemeente, "klantcontacten");
        _interneTaak = Create(transaction, gemeente, "interne_taken");
    }

    public Task<byte[]?> ReadKlantcontactAsync(string uuid, CancellationToken cancellationToken) =>
        ReadAsync(_klantcontact, uuid, cancellationToken);

    public Task<byte[]?> ReadInterneTaakAsync(string uuid, CancellationToken cancellationToken) =>
        ReadAsync(_interneTaak, uuid, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _klantcontact.DisposeAsync();
        await _interneTaak.DisposeAsync();
    }

    private static async Task<byte[]?> ReadAsync(SqliteCommand command, string uuid, CancellationToken cancellationToken)
    {
        command.Parameters["$uuid"].Value = uuid;
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    private static SqliteCommand Create(SqliteTransaction transaction, string gemeente, string table)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT payload FROM {table} WHERE gemeente = $gemeente AND uuid = $uuid;";
        command.Parameters.AddWithValue("$gemeente", gemeente);
        command.Parameters.Add("$uuid", SqliteType.Text);
        return command;
    }
}
