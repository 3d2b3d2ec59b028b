using System.Net;
using System.Net.Sockets;
using Telephony.EndToEnd.Tests.Support;

namespace Telephony.EndToEnd.Tests;

/// <summary>
/// The port race of the test set-up: a free port may be taken by another process before the gateway binds it. The
/// gateway then exits with 75 (EX_TEMPFAIL) and the cluster starts it again on another port.
/// </summary>
public sealed class GatewayStartTests
{
    [Fact]
    public async Task StartAsync_SipPortTakenByAnotherProcess_GatewayStartsOnAnotherPortAndAnswers()
    {
        Sipp.AssertInstalled();
        using var squatter = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var taken = ((IPEndPoint)squatter.Client.LocalEndPoint!).Port;

        await using var cluster = await TelephonyCluster.StartAsync(PersonalData.CallerNumberForms, taken);

        Assert.NotEqual(taken, cluster.SipPort);
        Assert.Contains(
            cluster.Output.Lines, l => l.Source == "gateway" && l.Text.Contains("already in use", StringComparison.Ordinal));
        var run = await Sipp.RunAsync(
            "uac", cluster.SipPort, cluster.Folder.Path, ["-t", "u1", "-d", "500"], TimeSpan.FromSeconds(30));
        Assert.True(run.AllCallsSucceeded, run.Output + cluster.Tail());
        PersonalData.AssertClean(cluster);
    }
}
