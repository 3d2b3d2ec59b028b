using Omnichannel.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Omnichannel.EndToEnd.Tests.StoreAndForward;

/// <summary>Central killed (kill -9) while an edge drains a large backlog: nothing lost, nothing twice.</summary>
public sealed class CentralKilledMidPushTests(ITestOutputHelper log)
{
    private const int Backlog = 2_000;
    private const int Kills = 2;

    [Fact]
    public async Task Push_CentralKilledTwiceWhileDraining_EveryRecordArrivesExactlyOnce()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = limit.Token;
        await using var cluster = new ProductCluster();
        var edge = cluster.AddEdge("kiosk-central-kill", batchSize: 25);
        await edge.StartAsync(ct);
        var load = new LoadGenerator(edge, cluster.Seeded);
        await load.RunAsync(clients: 8, total: Backlog, ct);
        Assert.Equal(Backlog, (await edge.HealthAsync(ct)).Backlog);

        for (var kill = 1; kill <= Kills; kill++)
        {
            await cluster.Central.StartAsync(ct);
            var atKill = await WaitForProgressAsync(edge, Backlog * (Kills + 1 - kill) / (Kills + 1), ct);
            await cluster.Central.KillHardAsync();
            log.WriteLine($"kill {kill}: Central killed with {atKill} record(s) still waiting at the edge");
            Assert.InRange(atKill, 1, Backlog - 1);
        }

        await cluster.Central.StartAsync(ct);
        var health = await edge.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(120), ct);

        Assert.Equal(Backlog, load.Confirmed.Count);
        Assert.Equal(0, health.DeadLetters);
        DeliveryCheck.AssertDelivered(await cluster.Central.ListAllAsync(ct), cluster.Seeded.Sent, load.Confirmed);
        cluster.AssertCleanOutput();
    }

    /// <summary>Waits until the backlog has shrunk to <paramref name="threshold"/> or below, polling tightly.</summary>
    private static async Task<long> WaitForProgressAsync(EdgeNode edge, long threshold, CancellationToken ct)
    {
        while (true)
        {
            var backlog = (await edge.HealthAsync(ct)).Backlog;
            if (backlog <= threshold)
            {
                return backlog;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, ct);
        }
    }
}
