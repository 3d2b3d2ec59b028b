using System.Net;
using Edge.Host.Telephony;
using Edge.Host.Telephony.Sip;

namespace Edge.Host.Tests.Telephony.Sip;

public sealed class SipStackOptionsTests
{
    private static readonly TelephonyOptions Options = new()
    {
        SipListenAddress = "10.0.0.5",
        SipListenPort = 5070,
        RtpAddress = "10.0.0.6",
        RtpPortMin = 30000,
        RtpPortMax = 30199,
        TrustedTrunkPeers = ["192.0.2.10", "2001:db8::1"],
        MaxConcurrentCalls = 40,
        RingTime = TimeSpan.FromSeconds(3),
        MaxTcpConnections = 64,
        TcpIdleTimeout = TimeSpan.FromSeconds(90),
    };

    [Fact]
    public void RingTime_TelephonyOptions_Taken()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), SipStackOptions.RingTime(Options));
    }

    [Fact]
    public void ToSipOptions_TelephonyOptions_ListenerPeersAndLimitsMapped()
    {
        var sip = SipStackOptions.ToSipOptions(Options);

        Assert.Equal(IPAddress.Parse("10.0.0.5"), sip.ListenAddress);
        Assert.Equal(5070, sip.Port);
        Assert.True(sip.EnableUdp && sip.EnableTcp);
        Assert.Equal([IPAddress.Parse("192.0.2.10"), IPAddress.Parse("2001:db8::1")], sip.TrustedPeers);
        Assert.Equal(40 * SipStackOptions.BusyHeadroomFactor, sip.MaxConcurrentCalls);
        Assert.Equal(64, sip.MaxTcpConnections);
        Assert.Equal(TimeSpan.FromSeconds(90), sip.TcpIdleTimeout);
        Assert.Empty(sip.Validate());
    }

    [Fact]
    public void ToRtpOptions_TelephonyOptions_RangeAndAddressMapped()
    {
        var rtp = SipStackOptions.ToRtpOptions(Options);

        Assert.Equal(IPAddress.Parse("10.0.0.6"), rtp.BindAddress);
        Assert.Equal(30000, rtp.FirstPort);
        Assert.Equal(30199, rtp.LastPort);
        Assert.Empty(rtp.Validate());
    }

    [Fact]
    public void ToRtpOptions_TelephonyOptions_PacerCollectsBelowTheUnitsGen0Budget()
    {
        var rtp = SipStackOptions.ToRtpOptions(Options);

        // The unit's DOTNET_GCgen0size is 2 MiB; the pacer must start the collection before the runtime does.
        Assert.Equal(1024 * 1024, rtp.PacerCollectionThreshold);
    }

    [Fact]
    public void ToRtpOptions_Defaults_ValidForTheStack()
    {
        var defaults = new TelephonyOptions();

        Assert.Empty(SipStackOptions.ToRtpOptions(defaults).Validate());
        Assert.Empty(SipStackOptions.ToSipOptions(defaults).Validate());
    }
}
