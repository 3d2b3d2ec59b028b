using System.Globalization;
using Omni.Contracts.V1;
using Omnichannel.Bench.Harness;

namespace Omnichannel.Bench.Ingest;

/// <summary>
/// Benchmark (3): one edge's 100,000 klantcontacten in batches of 500 pushed over gRPC on 127.0.0.1 to the
/// real Central (EdgeSync.PushBatch: shape check, validation, one transaction per batch with dedup
/// bookkeeping), against raw inserts of the same rows with one transaction per batch.
/// Two more paths explain the figure: in process (the validator and the sync store called directly, so the
/// time splits into gRPC, validation and storage) and the design floor (Central's insert, dedup clause
/// included, run raw).
/// Every round stores batch i on every path before batch i+1, so a change in the machine's load (this box
/// is shared) hits all paths alike; each path's time is the sum of its own batches.
/// </summary>
internal sealed class IngestBenchmark(BenchSettings settings, Workspace workspace, Report report)
{
    private const int WarmUpBatches = 4;

    private static readonly string[] PathNames = ["reference", "grpc", "in-process", "design-floor"];

    private readonly DateTimeOffset _now = TimeProvider.System.GetUtcNow();
    private IngestData _data = null!;
    private IReadOnlyList<string> _schema = [];

    private long ReceivedAtMs => _now.ToUnixTimeMilliseconds();

    public async Task RunAsync()
    {
        _data = IngestData.Create(settings.IngestRecords, BenchSettings.IngestBatchSize, _now);
        report.Info($"ingest: {settings.IngestRounds} rounds of {_data.Records} klantcontacten in " +
            $"{_data.Batches.Count} batches; record {_data.Rows[0][0].Payload.Length} bytes of protobuf");
        await WarmUpAsync();
        var rounds = new List<IngestRound>();
        for (var round = 1; round <= settings.IngestRounds; round++)
        {
            rounds.Add(await RunRoundAsync());
            ReportRound(round, rounds[^1]);
        }

        ReportDesignFloor(rounds);
        report.Add(new Measurement("3", "Central ingest rows/s, gRPC on 127.0.0.1",
            Stats.Median(rounds.Select(r => r.Grpc.PerSecond)), "rows/s",
            Stats.Median(rounds.Select(r => r.Reference.PerSecond)), "rows/s", Target.Minimum(0.5)));
    }

    // Runs the whole path once (JIT, gRPC connection set-up) and takes the product's table definitions.
    private async Task WarmUpAsync()
    {
        var folder = workspace.NewFolder("ingest-warmup");
        await using (var host = await CentralIngestHost.StartAsync(folder))
        {
            foreach (var batch in _data.Batches.Take(WarmUpBatches))
            {
                await PushAsync(host, batch);
            }

            _schema = SchemaCopy.Read(host.DatabasePath, "klantcontacten");
        }

        Workspace.Delete(folder);
        var referenceFolder = workspace.NewFolder("ingest-reference-warmup");
        using (var reference = RawInsertReference.Create(referenceFolder, _schema, ReceivedAtMs, true))
        {
            foreach (var rows in _data.Rows.Take(WarmUpBatches))
            {
                reference.InsertBatch(rows);
            }
        }

        Workspace.Delete(referenceFolder);
    }

    private async Task<IngestRound> RunRoundAsync()
    {
        string[] folders = [.. PathNames.Select(name => workspace.NewFolder("ingest-" + name))];
        IngestRound round;
        using (var reference = RawInsertReference.Create(folders[0], _schema, ReceivedAtMs, false))
        using (var floor = RawInsertReference.Create(folders[3], _schema, ReceivedAtMs, true))
        {
            await using var grpcHost = await CentralIngestHost.StartAsync(folders[1]);
            await using var inProcessHost = await CentralIngestHost.StartAsync(folders[2]);
            round = await RunInterleavedAsync(reference, grpcHost, inProcessHost, floor);
            Verify(grpcHost);
            Verify(inProcessHost);
        }

        foreach (var folder in folders)
        {
            Workspace.Delete(folder);
        }

        return round;
    }

    private async Task<IngestRound> RunInterleavedAsync(RawInsertReference reference, CentralIngestHost grpcHost,
        CentralIngestHost inProcessHost, RawInsertReference floor)
    {
        await grpcHost.Sync.PingAsync(new PingRequest());
        var inProcess = new InProcessIngest(inProcessHost, _data);
        var count = _data.Batches.Count;
        IngestPath[] paths =
        [
            new(i => Run(() => reference.InsertBatch(_data.Rows[i])), count),
            new(i => PushAsync(grpcHost, _data.Batches[i]), count),
            new(inProcess.StoreAsync, count),
            new(i => Run(() => floor.InsertBatch(_data.Rows[i])), count),
        ];
        for (var i = 0; i < count; i++)
        {
            // The order rotates so that no path always runs right after another's commit.
            for (var step = 0; step < paths.Length; step++)
            {
                await paths[(i + step) % paths.Length].RunBatchAsync(i);
            }
        }

        var records = _data.Records;
        return new IngestRound(paths[0].Result(records), paths[1].Result(records), paths[2].Result(records),
            paths[3].Result(records), inProcess.Validation, inProcess.Storage);
    }

    private static Task Run(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private static async Task PushAsync(CentralIngestHost host, PushBatchRequest batch)
    {
        var response = await host.Sync.PushBatchAsync(batch);
        var last = batch.Envelopes[^1].Sequence;
        if (response.AcknowledgedSequence != last || response.Rejections.Count > 0)
        {
            throw new InvalidOperationException(
                $"Central acknowledged {response.AcknowledgedSequence} of {last} with " +
                $"{response.Rejections.Count} rejection(s); the benchmark data should all be valid.");
        }
    }

    // Every acknowledged record must be stored, and nothing may have gone wrong, or the figure means nothing.
    private void Verify(CentralIngestHost host)
    {
        var stored = host.CountKlantcontacten();
        if (stored != _data.Records || host.Logs.Errors > 0)
        {
            throw new InvalidOperationException(
                $"Central stored {stored} of {_data.Records} klantcontacten and logged {host.Logs.Errors} error(s).");
        }
    }

    private void ReportRound(int round, IngestRound r) =>
        report.Info(string.Create(CultureInfo.InvariantCulture,
            $"round {round}: reference {r.Reference.PerSecond:0} rows/s (p50 {r.Reference.P50:0.0} ms/batch) | " +
            $"gRPC {r.Grpc.PerSecond:0} rows/s (p50 {r.Grpc.P50:0.0} ms/batch) | in-process " +
            $"{r.InProcess.PerSecond:0} rows/s (validation {r.Validation.TotalSeconds:0.00} s, " +
            $"storage {r.Storage.TotalSeconds:0.00} s) | design floor {r.DesignFloor.PerSecond:0} rows/s"));

    private void ReportDesignFloor(List<IngestRound> rounds)
    {
        var floor = Stats.Median(rounds.Select(r => r.DesignFloor.PerSecond));
        var grpc = Stats.Median(rounds.Select(r => r.Grpc.PerSecond));
        var inProcess = Stats.Median(rounds.Select(r => r.InProcess.PerSecond));
        report.Info(string.Create(CultureInfo.InvariantCulture,
            $"design floor (Central's klantcontact insert, ON CONFLICT DO NOTHING included, run raw): " +
            $"{floor:0} rows/s; the gRPC path reaches {grpc / floor:0.00}x of it, " +
            $"in process {inProcess / floor:0.00}x"));
    }
}
