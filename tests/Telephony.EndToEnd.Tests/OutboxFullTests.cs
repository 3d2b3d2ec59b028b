using Telephony.EndToEnd.Tests.Support;

namespace Telephony.EndToEnd.Tests;

/// <summary>
/// A gateway whose outbox is at its budget (Central away) cannot record a call, so it does not take one: 503 before
/// answering, the way it refuses a call it has no RTP port for, instead of answering and losing the klantcontact.
/// </summary>
public sealed class OutboxFullTests
{
    [Fact]
    public async Task Invite_OutboxFullWhileCentralAway_503BeforeAnsweringAndNothingMoreStored()
    {
        Sipp.AssertInstalled();
        await using var cluster = await TelephonyCluster.StartAsync(
            PersonalData.CallerNumberForms, "--Omni:MaxRecords=1");
        await cluster.StopCentralAsync();
        var first = await Sipp.RunAsync(
            "uac", cluster.SipPort, cluster.Folder.Path, ["-t", "u1", "-d", "500"], TimeSpan.FromSeconds(30));
        Assert.True(first.AllCallsSucceeded, first.Output + cluster.Tail());
        await WaitForStorageFullAsync(cluster);

        var refused = await Sipp.RunAsync(
            "refused-503.xml", cluster.SipPort, cluster.Folder.Path, ["-t", "u1"], TimeSpan.FromSeconds(30));

        Assert.True(refused.AllCallsSucceeded, refused.Output + cluster.Tail());
        Assert.Equal(1, (await cluster.GatewayHealthAsync()).GetProperty("backlog").GetInt64());
        Assert.Contains(cluster.Output.Lines, l => l.Text.Contains("SipCallRefusedOutboxFull", StringComparison.Ordinal)
            || l.Text.Contains("the outbox is full, so the call could not be recorded", StringComparison.Ordinal));
        Assert.DoesNotContain(cluster.Output.Lines, l => l.Text.Contains("could not be recorded: the outbox is full",
            StringComparison.Ordinal));
        PersonalData.AssertClean(cluster);
    }

    // The IVR records the call after its BYE, through the outbox: poll until that record fills the budget.
    private static async Task WaitForStorageFullAsync(TelephonyCluster cluster)
    {
        var health = await cluster.GatewayHealthAsync();
        for (var polls = 0; !health.GetProperty("storageFull").GetBoolean() && polls < 100; polls++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
            health = await cluster.GatewayHealthAsync();
        }

        Assert.True(health.GetProperty("storageFull").GetBoolean(), health.ToString() + cluster.Tail());
    }
}
