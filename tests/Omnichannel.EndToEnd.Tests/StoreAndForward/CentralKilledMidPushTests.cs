using Omnichannel.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Omnichannel.EndToEnd.Tests.StoreAndForward;

/// <summary>
/// Central killed (kill -9) while two edges drain a large backlog into it: nothing of either edge's stream is lost
/// or stored twice, whichever batch the kill interrupted.
/// </summary>
public sealed class CentralKilledMidPushTests(ITestOutputHelper log)
{
    private const int BacklogPerEdge = 1_000;
    private const int Kills = 2;

    [Fact]
    public async Task Push_CentralKilledTwiceWhileDraining_EveryRecordArrivesExactlyOnce()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = limit.Token;
        await using var cluster = new ProductCluster();
        // Small batches make the drain take hundreds of round trips, so the kills land mid-drain however fast
        // Central stores: with batches of 25 a fast Central took the whole backlog between two progress polls.
        EdgeNode[] edges = [cluster.AddEdge("kiosk-a", batchSize: 2), cluster.AddEdge("kiosk-b", batchSize: 2)];
        var loads = new List<LoadGenerator>();
        foreach (var edge in edges)
        {
            await edge.StartAsync(ct);
            var load = new LoadGenerator(edge, cluster.Seeded);
            await load.RunAsync(clients: 4, total: BacklogPerEdge, ct);
            loads.Add(load);
        }

        var total = edges.Length * BacklogPerEdge;
        Assert.Equal(total, await BacklogAsync(edges, ct));
        for (var kill = 1; kill <= Kills; kill++)
        {
            await cluster.Central.StartAsync(ct);
            var atKill = await WaitForProgressAsync(edges, total * (Kills + 1 - kill) / (Kills + 1), ct);
            await cluster.Central.KillHardAsync();
            log.WriteLine($"kill {kill}: Central killed with {atKill} record(s) still waiting at the edges");
            Assert.InRange(atKill, 1, total - 1);
        }

        await cluster.Central.StartAsync(ct);
        foreach (var edge in edges)
        {
            Assert.Equal(0, (await edge.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(120), ct)).DeadLetters);
        }

        var confirmed = loads.SelectMany(load => load.Confirmed).ToList();
        Assert.Equal(total, confirmed.Count);
        DeliveryCheck.AssertDelivered(await cluster.Central.ListAllAsync(ct), cluster.Seeded.Sent, confirmed);
        cluster.AssertCleanOutput();
    }

    private static async Task<long> BacklogAsync(EdgeNode[] edges, CancellationToken ct)
    {
        var backlog = 0L;
        foreach (var edge in edges)
        {
            backlog += (await edge.HealthAsync(ct)).Backlog;
        }

        return backlog;
    }

    /// <summary>Waits until the edges' backlog has shrunk to <paramref name="threshold"/> or below.</summary>
    private static async Task<long> WaitForProgressAsync(EdgeNode[] edges, long threshold, CancellationToken ct)
    {
        while (true)
        {
            var backlog = await BacklogAsync(edges, ct);
            if (backlog <= threshold)
            {
                return backlog;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, ct);
        }
    }
}
