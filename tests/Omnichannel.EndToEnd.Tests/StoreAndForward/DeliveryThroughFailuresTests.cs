using Omni.Contracts.V1;
using Omnichannel.EndToEnd.Tests.Support;

namespace Omnichannel.EndToEnd.Tests.StoreAndForward;

/// <summary>
/// The product's promise end to end: what the edge's API and a vendor app embedding Omni.Sdk record reaches
/// Central exactly once, through a kill -9 of the edge and an outage of Central.
/// </summary>
public sealed class DeliveryThroughFailuresTests
{
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Record_EdgeKilledAndCentralRestarted_EachRecordAtCentralExactlyOnce()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = limit.Token;
        await using var cluster = new ProductCluster();
        var edge = cluster.AddEdge("kiosk-e2e-1");
        await cluster.Central.StartAsync(ct);
        await edge.StartAsync(ct);
        List<string> confirmed = [];
        List<string> vendor = [];

        // Both online: one through the edge's API, one through the vendor sample, which waits for delivery.
        confirmed.Add(await PostCreatedAsync(edge, cluster, ct));
        vendor.Add(await RunVendorAsync(cluster, expectedExitCode: 0, ct));

        // kill -9 of the edge right after it answered 201: if the record was not pushed yet, the restarted edge
        // finds it in its outbox and delivers it.
        confirmed.Add(await PostCreatedAsync(edge, cluster, ct));
        await edge.KillHardAsync();
        await edge.StartAsync(ct);
        await edge.WaitUntilDeliveredAsync(DeliveryLimit, ct);

        // Central stopped: both keep recording; the vendor sample gives up waiting (exit 2) with its record kept.
        // Another kill -9 while the edge's records can only be in its outbox.
        await cluster.Central.StopAsync();
        confirmed.Add(await PostCreatedAsync(edge, cluster, ct));
        confirmed.Add(await PostCreatedAsync(edge, cluster, ct));
        await edge.KillHardAsync();
        await edge.StartAsync(ct);
        confirmed.Add(await PostCreatedAsync(edge, cluster, ct));
        Assert.Equal(3, (await edge.HealthAsync(ct)).Backlog);
        vendor.Add(await RunVendorAsync(cluster, expectedExitCode: 2, ct));

        // Central back on the same database: the edge drains; the vendor's next run sends its old record too.
        await cluster.Central.StartAsync(ct);
        await edge.WaitUntilDeliveredAsync(DeliveryLimit, ct);
        vendor.Add(await RunVendorAsync(cluster, expectedExitCode: 0, ct));

        var atCentral = await cluster.Central.ListAllAsync(ct);
        DeliveryCheck.AssertDelivered(atCentral, cluster.Seeded.Sent, confirmed, vendor);
        Assert.Equal(confirmed.Count + vendor.Count, atCentral.Count);
        Assert.All(
            atCentral.Where(k => vendor.Contains(k.Uuid)),
            k => Assert.Equal((Kanaal.Telefoon, "Voorbeeld uit Vendor.Console"), (k.Kanaal, k.Onderwerp)));
        Assert.Equal(0, (await edge.HealthAsync(ct)).DeadLetters);
        cluster.AssertCleanOutput();
    }

    private static async Task<string> PostCreatedAsync(EdgeNode edge, ProductCluster cluster, CancellationToken ct)
    {
        var klantcontact = cluster.Seeded.Next();
        var outcome = await edge.PostAsync(klantcontact, ct);
        Assert.True(outcome == PostOutcome.Created, $"POST: {outcome}\n{cluster.Output.Tail(edge.ProcessName)}");
        return klantcontact.Uuid;
    }

    private static async Task<string> RunVendorAsync(ProductCluster cluster, int expectedExitCode, CancellationToken ct)
    {
        var run = await cluster.RunVendorConsoleAsync(timeoutSeconds: expectedExitCode == 0 ? 30 : 2, ct);
        Assert.True(run.ExitCode == expectedExitCode, $"Vendor.Console: exit {run.ExitCode}\n{cluster.Output.Tail()}");
        return run.RecordId;
    }
}
