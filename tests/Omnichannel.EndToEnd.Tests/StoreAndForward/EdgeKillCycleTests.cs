using Omnichannel.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Omnichannel.EndToEnd.Tests.StoreAndForward;

/// <summary>
/// S8: kill -9 of the edge at random moments under load, 50 times, each time restarted on the same outbox. What
/// the edge confirmed arrives exactly once; what it never confirmed arrives at most once and never half-written.
/// </summary>
public sealed class EdgeKillCycleTests(ITestOutputHelper log)
{
    private const int Cycles = 50;

    [Fact]
    public async Task KillHard_FiftyCyclesUnderLoad_ConfirmedExactlyOnceOthersAtMostOnceAndWhole()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var ct = limit.Token;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        log.WriteLine($"random seed {seed}");
        await using var cluster = new ProductCluster();
        var edge = cluster.AddEdge("kiosk-s8", batchSize: 20);
        await cluster.Central.StartAsync(ct);
        var load = new LoadGenerator(edge, cluster.Seeded);
        using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var loadTask = load.RunAsync(clients: 4, total: int.MaxValue, stopLoad.Token);

        var startTimes = new List<TimeSpan>();
        for (var cycle = 1; cycle <= Cycles; cycle++)
        {
            var started = TimeProvider.System.GetTimestamp();
            await edge.StartAsync(ct);
            startTimes.Add(TimeProvider.System.GetElapsedTime(started));

            // Up to 0.8 s of load after the edge answers: kills land in appends, pushes, acks and deletes.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(20, 800)), TimeProvider.System, ct);
            await edge.KillHardAsync();
        }

        log.WriteLine($"edge start-up: mean {startTimes.Average(t => t.TotalSeconds):F2} s, " +
            $"max {startTimes.Max(t => t.TotalSeconds):F2} s");

        await stopLoad.CancelAsync();
        await loadTask;
        await edge.StartAsync(ct);
        var health = await edge.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(60), ct);

        var atCentral = await cluster.Central.ListAllAsync(ct);
        log.WriteLine($"{load.Confirmed.Count} confirmed, {load.UnansweredCount} unanswered, {load.ReplayedCount} " +
            $"replayed; {atCentral.Count} at Central; {RestartsWithBacklog(cluster, edge)} restart(s) found a backlog");
        Assert.Equal(0, load.RefusedCount);
        Assert.Equal(0, health.DeadLetters);
        Assert.True(load.Confirmed.Count >= Cycles * 5, $"too little load: {load.Confirmed.Count} confirmed");
        DeliveryCheck.AssertDelivered(atCentral, cluster.Seeded.Sent, load.Confirmed);
        cluster.AssertCleanOutput();
    }

    /// <summary>Restarts whose outbox held records at start: proof that kills landed with work in flight.</summary>
    private static int RestartsWithBacklog(ProductCluster cluster, EdgeNode edge) =>
        cluster.Output.Lines.Count(line =>
            line.Source.StartsWith(edge.Settings.DeviceId + "#", StringComparison.Ordinal)
            && line.Text.Contains("Outbox opened", StringComparison.Ordinal)
            && !line.Text.EndsWith(", 0 record(s) waiting", StringComparison.Ordinal));
}
