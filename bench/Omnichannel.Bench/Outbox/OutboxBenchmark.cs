using System.Globalization;
using Omni.Contracts.V1;
using Omnichannel.Bench.Harness;

namespace Omnichannel.Bench.Outbox;

/// <summary>
/// Benchmarks (1) and (2): outbox appends through IOmniRecorder (real DI, encryption on, Central at a closed
/// port) against raw one-row SQLite commits on the same disk. Each round runs half the reference, then the
/// product, then the other half of the reference, so that a change in the machine's load (this box is shared)
/// hits both alike.
/// </summary>
internal sealed class OutboxBenchmark(BenchSettings settings, Workspace workspace, Report report)
{
    private const int ThroughputProducers = 64;
    private const int LatencyProducers = 8;
    private const int WarmUpCallsPerProducer = 10;
    private const int CipherTagSize = 16;

    private readonly Uri _central = ClosedPort.LoopbackAddress();
    private readonly Dictionary<string, int> _errorKinds = new(StringComparer.Ordinal);
    private readonly Klantcontact _template = SampleData.Klantcontact(TimeProvider.System.GetUtcNow().AddMinutes(-5));

    public async Task RunAsync()
    {
        report.Info($"outbox: {settings.OutboxRounds} rounds; Central at closed port {_central.Port}; " +
            $"record {_template.CalculateSize()} bytes of protobuf");
        var schema = await WarmUpProductAsync();
        var payloadBytes = StoredPayloadBytes();
        RawCommitReference.Run(workspace.NewFolder("outbox-reference-warmup"), schema, 50, payloadBytes);
        var references = new List<RunResult>();
        var throughput = new List<ProductRound>();
        var latency = new List<ProductRound>();
        var ceilings = new List<double>();
        for (var round = 1; round <= settings.OutboxRounds; round++)
        {
            var before = RunReference(schema, payloadBytes);
            throughput.Add(await RunProductAsync(ThroughputProducers, settings.ThroughputAppendsPerProducer));
            latency.Add(await RunProductAsync(LatencyProducers, settings.LatencyAppendsPerProducer));
            ceilings.Add(RunCeiling(schema, payloadBytes));
            references.Add(RunResult.Combine(before, RunReference(schema, payloadBytes)));
            ReportRound(round, references[^1], throughput[^1], latency[^1]);
        }

        ReportCeiling(Stats.Median(ceilings), Stats.Median(references.Select(r => r.PerSecond)));
        ReportMeasurements(references, throughput, latency);
    }

    // Diagnostic: raw SQLite with every commit as full as 64 producers could make it (see GroupedRowsPerSecond).
    private double RunCeiling(IReadOnlyList<string> schema, int payloadBytes)
    {
        var folder = workspace.NewFolder("outbox-ceiling");
        var rowsPerSecond = RawCommitReference.GroupedRowsPerSecond(folder, schema,
            Math.Max(1, settings.ReferenceCommits / 20), ThroughputProducers, payloadBytes);
        Workspace.Delete(folder);
        return rowsPerSecond;
    }

    private void ReportCeiling(double rowsPerSecond, double referencePerSecond) =>
        report.Info(string.Create(CultureInfo.InvariantCulture,
            $"ceiling (diagnostic, not a target): raw SQLite, {ThroughputProducers} rows per commit, one thread, " +
            $"nothing sealed: {rowsPerSecond:0} rows/s = {rowsPerSecond / referencePerSecond:0.0}x the reference"));

    private async Task<IReadOnlyList<string>> WarmUpProductAsync()
    {
        var folder = workspace.NewFolder("outbox-product-warmup");
        IReadOnlyList<string> schema;
        await using (var host = await OutboxProductHost.StartAsync(folder, _central))
        {
            var calls = WarmUpCallsPerProducer * 3;
            await ConcurrentProducers.RunAsync(ThroughputProducers, calls, () => AppendAsync(host));
            schema = SchemaCopy.Read(host.OutboxPath, "outbox");
        }

        Workspace.Delete(folder);
        return schema;
    }

    private RunResult RunReference(IReadOnlyList<string> schema, int payloadBytes)
    {
        var folder = workspace.NewFolder("outbox-reference");
        var result = RawCommitReference.Run(folder, schema, Math.Max(1, settings.ReferenceCommits / 2), payloadBytes);
        Workspace.Delete(folder);
        return result;
    }

    private async Task<ProductRound> RunProductAsync(int producers, int appendsPerProducer)
    {
        var folder = workspace.NewFolder($"outbox-product-{producers}p");
        ProductRound round;
        await using (var host = await OutboxProductHost.StartAsync(folder, _central))
        {
            await ConcurrentProducers.RunAsync(producers, WarmUpCallsPerProducer, () => AppendAsync(host));
            var backlogBefore = await host.BacklogAsync();
            var commitsBefore = host.Commits;
            var cpuBefore = ProcessCpu();
            var gcBefore = GcActivity.Now();
            var run = await ConcurrentProducers.RunAsync(producers, appendsPerProducer, () => AppendAsync(host));
            var gc = GcActivity.Now() - gcBefore;
            var cpu = ProcessCpu() - cpuBefore;
            var commits = host.Commits - commitsBefore;
            await VerifyBacklogAsync(host, backlogBefore + run.Count);
            round = new ProductRound(run, commits, host.Logs.Warnings, host.Logs.Errors) { Cpu = cpu, Gc = gc };
            Collect(host.Logs);
        }

        Workspace.Delete(folder);
        return round;
    }

    // Diagnostic only: CPU of the whole process (producers, writer, sender, runtime) while producers ran.
    private static TimeSpan ProcessCpu()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private void Collect(LogCounter logs)
    {
        foreach (var (kind, count) in logs.ErrorKinds)
        {
            _errorKinds[kind] = _errorKinds.GetValueOrDefault(kind) + count;
        }
    }

    private Task<Omni.Sdk.RecordReceipt> AppendAsync(OutboxProductHost host) =>
        host.Recorder.RecordKlantcontactAsync(_template);

    // Every append that returned must be in the outbox, or the figure is not worth reporting.
    private static async Task VerifyBacklogAsync(OutboxProductHost host, long expected)
    {
        var backlog = await host.BacklogAsync();
        if (backlog != expected)
        {
            throw new InvalidOperationException($"The outbox holds {backlog} records where {expected} were appended.");
        }
    }

    // What the product stores per record: the protobuf with its minted uuid, sealed (ciphertext plus tag).
    private int StoredPayloadBytes()
    {
        var withId = _template.Clone();
        withId.Uuid = Guid.CreateVersion7(TimeProvider.System.GetUtcNow()).ToString("D");
        return withId.CalculateSize() + CipherTagSize;
    }

    private void ReportRound(int round, RunResult reference, ProductRound throughput, ProductRound latency) =>
        report.Info(string.Create(CultureInfo.InvariantCulture,
            $"round {round}: reference {reference.PerSecond:0} commits/s p50 {reference.P50:0.00} ms " +
            $"p99 {reference.P99:0.00} ms | 64p {throughput.Run.PerSecond:0} appends/s " +
            $"({throughput.AppendsPerCommit:0.0}/commit, {Cpu(throughput)}) | 8p p50 {latency.Run.P50:0.00} ms " +
            $"p99 {latency.Run.P99:0.00} ms ({latency.AppendsPerCommit:0.0}/commit, {Cpu(latency)})"));

    private static string Cpu(ProductRound round) => string.Create(CultureInfo.InvariantCulture,
        $"cpu {round.CpuPerAppendUs:0.0} us/append, {round.CoresBusy:0.00} cores, " +
        $"{round.AllocatedBytesPerAppend:0} B/append, {round.Gc}");

    private void ReportMeasurements(List<RunResult> references, List<ProductRound> throughput,
        List<ProductRound> latency)
    {
        var warnings = throughput.Concat(latency).Sum(r => r.Warnings);
        var errors = throughput.Concat(latency).Sum(r => r.Errors);
        report.Info($"product log lines: {warnings} warnings (Central unreachable is expected), {errors} errors");
        if (errors > 0)
        {
            report.Info("errors by kind: " + string.Join("; ", _errorKinds.Select(k => $"{k.Key} x{k.Value}")));
            throw new InvalidOperationException("The outbox logged errors during the benchmark; figures withheld.");
        }

        report.Add(new Measurement("1", "outbox appends/s, 64 producers",
            Stats.Median(throughput.Select(r => r.Run.PerSecond)), "appends/s",
            Stats.Median(references.Select(r => r.PerSecond)), "commits/s", Target.Minimum(20)));
        report.Add(new Measurement("2", "outbox p99 append latency, 8 producers",
            Stats.Median(latency.Select(r => r.Run.P99)), "ms",
            Stats.Median(references.Select(r => r.P99)), "ms", Target.Maximum(3)));
    }
}
