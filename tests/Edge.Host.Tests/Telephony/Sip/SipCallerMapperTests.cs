using System.Net;
using Edge.Host.Telephony.Callers;
using Edge.Host.Telephony.Sip;
using Microsoft.Extensions.Options;

namespace Edge.Host.Tests.Telephony.Sip;

public sealed class SipCallerMapperTests
{
    private static readonly IPAddress Trunk = IPAddress.Parse("192.0.2.10");

    [Fact]
    public void Map_AssertedByTrustedPeer_ResolverTakesTheAssertedNumber()
    {
        var caller = new Edge.Sip.CallerIdentity("+31201234567", null, IsAnonymous: false, IsAsserted: true);

        var identity = SipCallerMapper.Map(caller, [Trunk]);

        var number = Resolver(Trunk).Resolve(identity);
        Assert.Equal(CallerNumberSource.PAssertedIdentity, number.Source);
        Assert.Equal("+31201234567", number.E164);
    }

    [Fact]
    public void Map_FromHeaderOnly_ResolverTakesItAsFrom()
    {
        var caller = new Edge.Sip.CallerIdentity("0201234567", "Jan", IsAnonymous: false, IsAsserted: false);

        var number = Resolver(Trunk).Resolve(SipCallerMapper.Map(caller, [Trunk]));

        Assert.Equal(CallerNumberSource.From, number.Source);
        Assert.Equal("+31201234567", number.E164);
    }

    [Fact]
    public void Map_Anonymous_NoNumberKept()
    {
        var caller = new Edge.Sip.CallerIdentity(null, null, IsAnonymous: true, IsAsserted: true);

        var identity = SipCallerMapper.Map(caller, [Trunk]);

        Assert.True(identity.PrivacyRequested);
        Assert.Null(identity.From);
        Assert.Null(identity.PAssertedIdentity);
        Assert.False(Resolver(Trunk).Resolve(identity).IsKnown);
    }

    [Fact]
    public void Map_AssertedWithoutTrustedPeers_FallsBackToFrom()
    {
        var caller = new Edge.Sip.CallerIdentity("+31201234567", null, IsAnonymous: false, IsAsserted: true);

        var identity = SipCallerMapper.Map(caller, []);

        Assert.Equal(CallerNumberSource.From, Resolver().Resolve(identity).Source);
    }

    private static CallerNumberResolver Resolver(params IPAddress[] trusted) =>
        new(Options.Create(new Edge.Host.Telephony.TelephonyOptions
        {
            TrustedTrunkPeers = [.. trusted.Select(a => a.ToString())],
        }));
}
