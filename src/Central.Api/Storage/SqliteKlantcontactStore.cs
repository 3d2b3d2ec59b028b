using System.Globalization;
using System.Text;
using Central.Api.Klantcontacten;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Omni.Contracts.V1;

namespace Central.Api.Storage;

/// <summary>The klantcontacten register in SQLite; every statement is scoped to the configured gemeente.</summary>
internal sealed class SqliteKlantcontactStore(SqliteDatabase database, IOptions<CentralOptions> options)
    : IKlantcontactStore
{
    private const string SourceApi = "api";
    private readonly string _gemeente = options.Value.Gemeente;

    public async Task<CreateResult> CreateAsync(
        Klantcontact klantcontact,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(klantcontact);
        await using var connection = await database.OpenAsync(cancellationToken);

        // BEGIN IMMEDIATE: the read and the insert decide together, with no writer in between.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var stored = await ReadPayloadAsync(connection, transaction, klantcontact.Uuid, cancellationToken);
        if (stored is not null)
        {
            return stored.AsSpan().SequenceEqual(klantcontact.ToByteArray())
                ? new CreateResult(CreateOutcome.AlreadyStored, Klantcontact.Parser.ParseFrom(stored))
                : new CreateResult(CreateOutcome.Conflict, null);
        }

        await KlantcontactRows.InsertAsync(
            transaction, _gemeente, klantcontact, SourceApi, receivedAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CreateResult(CreateOutcome.Created, klantcontact);
    }

    public async Task<Klantcontact?> GetAsync(string uuid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var payload = await ReadPayloadAsync(connection, null, uuid, cancellationToken);
        return payload is null ? null : Klantcontact.Parser.ParseFrom(payload);
    }

    public async Task<KlantcontactPage> ListAsync(KlantcontactQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenAsync(cancellationToken);

        // One read transaction so the count, the page and the neighbour checks see the same snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var count = await CountAsync(transaction, query, cancellationToken);
        var rows = await ReadPageAsync(transaction, query, cancellationToken);
        var (next, previous) = await FindNeighboursAsync(transaction, query, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var results = rows.Select(row => Klantcontact.Parser.ParseFrom(row.Payload)).ToList();
        return new KlantcontactPage(count, results, next, previous);
    }

    private async Task<byte[]?> ReadPayloadAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string uuid,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT payload FROM klantcontacten WHERE gemeente = $gemeente AND uuid = $uuid;";
        command.Parameters.AddWithValue("$gemeente", _gemeente);
        command.Parameters.AddWithValue("$uuid", uuid);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    // Limitation: an exact COUNT on every page walks the matching index range; fine for a gemeente's register
    // of some hundred thousand rows, but millions will want an estimate or a count kept per filter.
    private async Task<long> CountAsync(
        SqliteTransaction transaction,
        KlantcontactQuery query,
        CancellationToken cancellationToken)
    {
        await using var command = CreateFiltered(
            transaction, query, "SELECT COUNT(*) FROM klantcontacten", string.Empty);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<List<PageRow>> ReadPageAsync(
        SqliteTransaction transaction,
        KlantcontactQuery query,
        CancellationToken cancellationToken)
    {
        var forward = query.Cursor?.Forward ?? true;
        var bound = query.Cursor is null ? string.Empty : forward ? " AND seq > $cursor" : " AND seq < $cursor";
        var order = forward ? " ORDER BY seq ASC" : " ORDER BY seq DESC";
        await using var command = CreateFiltered(
            transaction, query, "SELECT seq, payload FROM klantcontacten", bound + order + " LIMIT $limit");
        command.Parameters.AddWithValue("$cursor", query.Cursor?.Sequence ?? 0);
        command.Parameters.AddWithValue("$limit", query.PageSize);
        var rows = new List<PageRow>(query.PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PageRow(reader.GetInt64(0), (byte[])reader.GetValue(1)));
        }

        if (!forward)
        {
            rows.Reverse();
        }

        return rows;
    }

    private async Task<(ListCursor? Next, ListCursor? Previous)> FindNeighboursAsync(
        SqliteTransaction transaction,
        KlantcontactQuery query,
        List<PageRow> rows,
        CancellationToken cancellationToken)
    {
        // An empty page (a cursor past either end) still links back to where rows are.
        long? firstSeq = rows.Count > 0 ? rows[0].Seq
            : query.Cursor is { Forward: true } after ? after.Sequence + 1 : null;
        long? lastSeq = rows.Count > 0 ? rows[^1].Seq
            : query.Cursor is { Forward: false } before ? before.Sequence - 1 : null;
        ListCursor? previous = null;
        ListCursor? next = null;
        if (firstSeq is { } first && await ExistsAsync(transaction, query, " AND seq < $seq", first, cancellationToken))
        {
            previous = new ListCursor(Forward: false, first);
        }

        if (lastSeq is { } last && await ExistsAsync(transaction, query, " AND seq > $seq", last, cancellationToken))
        {
            next = new ListCursor(Forward: true, last);
        }

        return (next, previous);
    }

    private async Task<bool> ExistsAsync(
        SqliteTransaction transaction,
        KlantcontactQuery query,
        string bound,
        long seq,
        CancellationToken cancellationToken)
    {
        await using var command = CreateFiltered(
            transaction, query, "SELECT EXISTS (SELECT 1 FROM klantcontacten", bound + ")");
        command.Parameters.AddWithValue("$seq", seq);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    private SqliteCommand CreateFiltered(
        SqliteTransaction transaction,
        KlantcontactQuery query,
        string head,
        string tail)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(head).Append(" WHERE gemeente = $gemeente");
        command.Parameters.AddWithValue("$gemeente", _gemeente);
        AddFilter(command, sql, " AND kanaal = $kanaal", "$kanaal", query.Kanaal);
        AddFilter(command, sql, " AND journey_id = $journey_id", "$journey_id", query.JourneyId);
        AddFilter(command, sql, " AND plaatsgevonden_op_ns >= $from", "$from", query.FromNanos);
        AddFilter(command, sql, " AND plaatsgevonden_op_ns < $to", "$to", query.ToNanos);
        command.CommandText = sql.Append(tail).Append(';').ToString();
        return command;
    }

    private static void AddFilter(SqliteCommand command, StringBuilder sql, string clause, string name, object? value)
    {
        if (value is not null)
        {
            sql.Append(clause);
            command.Parameters.AddWithValue(name, value);
        }
    }

    private sealed record PageRow(long Seq, byte[] Payload);
}
