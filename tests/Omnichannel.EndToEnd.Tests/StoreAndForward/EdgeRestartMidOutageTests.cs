using Omnichannel.EndToEnd.Tests.Support;

namespace Omnichannel.EndToEnd.Tests.StoreAndForward;

/// <summary>S1: an edge restarted while Central is away still delivers everything it stored, exactly once.</summary>
public sealed class EdgeRestartMidOutageTests
{
    private const int RecordsPerPhase = 25;

    [Fact]
    public async Task Restart_EdgeStoppedAndStartedWhileCentralDown_EveryRecordArrivesExactlyOnce()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = limit.Token;
        await using var cluster = new ProductCluster();
        var edge = cluster.AddEdge("kiosk-s1", batchSize: 10);
        await cluster.Central.StartAsync(ct);
        await edge.StartAsync(ct);
        var load = new LoadGenerator(edge, cluster.Seeded);
        await load.RunAsync(clients: 2, total: RecordsPerPhase, ct);
        await edge.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(60), ct);

        // The outage: records captured, the edge stopped as systemd stops it, started again, more captured.
        await cluster.Central.StopAsync();
        await load.RunAsync(clients: 2, total: RecordsPerPhase, ct);
        await edge.StopAsync();
        await AssertNoPlaintextAtRestAsync(cluster, edge, ct);
        await edge.StartAsync(ct);
        Assert.Equal(RecordsPerPhase, (await edge.HealthAsync(ct)).Backlog);
        await load.RunAsync(clients: 2, total: RecordsPerPhase, ct);
        Assert.Equal(2 * RecordsPerPhase, (await edge.HealthAsync(ct)).Backlog);

        // The link comes back.
        await cluster.Central.StartAsync(ct);
        var health = await edge.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(60), ct);

        Assert.Equal(3 * RecordsPerPhase, load.Confirmed.Count);
        Assert.Equal(0, load.UnansweredCount);
        Assert.Equal(0, health.DeadLetters);
        DeliveryCheck.AssertDelivered(await cluster.Central.ListAllAsync(ct), cluster.Seeded.Sent, load.Confirmed);
        cluster.AssertCleanOutput();
    }

    /// <summary>
    /// Personal data is encrypted at rest on edge devices (ARCHITECTURE.md): the outbox files of a stopped edge that
    /// holds undelivered records contain neither the seeded inhoud and names nor a seeded phone number.
    /// </summary>
    private static async Task AssertNoPlaintextAtRestAsync(ProductCluster cluster, EdgeNode edge, CancellationToken ct)
    {
        var outbox = edge.Settings.OutboxPath;
        var files = new[] { outbox, outbox + "-wal" }.Where(File.Exists).ToList();
        Assert.Contains(outbox, files);
        foreach (var file in files)
        {
            // Latin-1 maps every byte to one character, so an ASCII marker or number is found wherever it lies.
            var text = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file, ct));
            Assert.False(PersonalDataGuard.Holds(text, cluster.Seeded), $"{Path.GetFileName(file)} holds plaintext");
        }
    }
}
