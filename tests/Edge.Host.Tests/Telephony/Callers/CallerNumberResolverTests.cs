using Edge.Host.Telephony;
using Edge.Host.Telephony.Callers;
using Edge.Host.Tests.Telephony.Fakes;
using Microsoft.Extensions.Options;

namespace Edge.Host.Tests.Telephony.Callers;

public sealed class CallerNumberResolverTests
{
    private const string Trunk = "127.0.0.2";
    private const string Stranger = "127.0.0.3";

    private readonly CallerNumberResolver _resolver = new(Options.Create(new TelephonyOptions { TrustedTrunkPeers = [Trunk] }));

    [Fact]
    public void Resolve_PaiFromTrustedPeer_UsesPai()
    {
        var caller = FakeCallSession.From("sip:0201234567@127.0.0.1", "<sip:+31612345678@127.0.0.2>", peer: Trunk);

        Assert.Equal(new CallerNumber("+31612345678", CallerNumberSource.PAssertedIdentity), _resolver.Resolve(caller));
    }

    [Fact]
    public void Resolve_PaiFromUntrustedPeer_IgnoresPaiAndUsesFrom()
    {
        var caller = FakeCallSession.From("sip:0201234567@127.0.0.1", "<sip:+31612345678@127.0.0.3>", peer: Stranger);

        Assert.Equal(new CallerNumber("+31201234567", CallerNumberSource.From), _resolver.Resolve(caller));
    }

    [Fact]
    public void Resolve_AnonymousFromWithUntrustedPai_HasNoNumber()
    {
        var caller = FakeCallSession.From("sip:anonymous@anonymous.invalid", "<tel:+31612345678>", peer: Stranger);

        Assert.Equal(CallerNumber.Withheld, _resolver.Resolve(caller));
    }

    [Fact]
    public void Resolve_TrustedPaiWithSipAndTelValues_TakesTheFirstUsable()
    {
        var pai = "\"Balie, Gemeente\" <sip:balie@127.0.0.2>, <tel:+31201234567>";
        var caller = FakeCallSession.From("sip:anonymous@anonymous.invalid", pai, peer: Trunk);

        Assert.Equal("+31201234567", _resolver.Resolve(caller).E164);
    }

    [Fact]
    public void Resolve_TrustedPeerAsIpv4MappedIpv6_StillTrusted()
    {
        var caller = FakeCallSession.From(null, "<tel:+31612345678>", peer: "::ffff:127.0.0.2");

        Assert.Equal(CallerNumberSource.PAssertedIdentity, _resolver.Resolve(caller).Source);
    }

    [Fact]
    public void Resolve_PrivacyRequested_WithholdsEvenATrustedNumber()
    {
        var caller = FakeCallSession.From("sip:0612345678@127.0.0.1", "<tel:+31612345678>", privacy: true, peer: Trunk);

        Assert.False(_resolver.Resolve(caller).IsKnown);
    }

    [Fact]
    public void Resolve_TrustedPaiWithoutNumber_FallsBackToFrom()
    {
        var caller = FakeCallSession.From("sip:0612345678@127.0.0.1", "<sip:anonymous@127.0.0.2>", peer: Trunk);

        Assert.Equal(new CallerNumber("+31612345678", CallerNumberSource.From), _resolver.Resolve(caller));
    }
}
