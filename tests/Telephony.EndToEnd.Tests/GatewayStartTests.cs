using System.Net;
using System.Net.Sockets;
using Telephony.EndToEnd.Tests.Support;

namespace Telephony.EndToEnd.Tests;

/// <summary>
/// The port race of the test set-up: a free port may be taken by another process before the process that was to
/// bind it does. The gateway then exits with 75 (EX_TEMPFAIL), Central with Kestrel's "address already in use" and
/// sipp with 254; each is started again on other ports.
/// </summary>
public sealed class GatewayStartTests
{
    [Fact]
    public async Task StartAsync_SipPortTakenByAnotherProcess_GatewayStartsOnAnotherPortAndAnswers()
    {
        Sipp.AssertInstalled();
        using var squatter = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var taken = ((IPEndPoint)squatter.Client.LocalEndPoint!).Port;

        await using var cluster = await TelephonyCluster.StartAsync(
            PersonalData.CallerNumberForms, new FirstPorts(GatewaySip: taken));

        Assert.NotEqual(taken, cluster.SipPort);
        Assert.Contains(
            cluster.Output.Lines,
            l => l.Source == "gateway"
                && l.Text.Contains($"SIP port 127.0.0.1:{taken} (Telephony:SipListenAddress", StringComparison.Ordinal));
        var run = await Sipp.RunAsync(
            "uac", cluster.SipPort, cluster.Folder.Path, ["-t", "u1", "-d", "500"], TimeSpan.FromSeconds(30));
        Assert.True(run.AllCallsSucceeded, run.Output + cluster.Tail());
        PersonalData.AssertClean(cluster);
    }

    [Fact]
    public async Task StartAsync_CentralAndSippPortsTakenToo_EachStartRetriedAndTheCallRecorded()
    {
        Sipp.AssertInstalled();
        var centralSquatter = new TcpListener(IPAddress.Loopback, 0);
        centralSquatter.Start();
        try
        {
            using var sipSquatter = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            using var sippSquatter = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var first = new FirstPorts(
                CentralHttp: ((IPEndPoint)centralSquatter.LocalEndpoint).Port,
                GatewaySip: ((IPEndPoint)sipSquatter.Client.LocalEndPoint!).Port);

            await using var cluster = await TelephonyCluster.StartAsync(PersonalData.CallerNumberForms, first);
            var run = await Sipp.RunAsync(
                "uac", cluster.SipPort, cluster.Folder.Path, ["-t", "u1", "-d", "500"], TimeSpan.FromSeconds(30),
                firstLocalPort: ((IPEndPoint)sippSquatter.Client.LocalEndPoint!).Port);

            Assert.True(run.AllCallsSucceeded, run.Output + cluster.Tail());
            Assert.Equal(2, run.Starts);
            Assert.Contains(
                cluster.Output.Lines,
                l => l.Source == "central"
                    && l.Text.Contains("address already in use", StringComparison.OrdinalIgnoreCase));
            Assert.Single(await cluster.WaitForContactsAsync(1, TimeSpan.FromSeconds(30)));
            PersonalData.AssertClean(cluster);
        }
        finally
        {
            centralSquatter.Stop();
        }
    }
}
