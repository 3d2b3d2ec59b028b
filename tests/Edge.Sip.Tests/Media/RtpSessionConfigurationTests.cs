using System.Net;
using Edge.Sip.Media;

namespace Edge.Sip.Tests.Media;

public sealed class RtpSessionConfigurationTests
{
    [Fact]
    public void FromOffer_HoldOfferOnPayload110_CarriesAddressPayloadTypeAndDirection()
    {
        var remote = new IPEndPoint(IPAddress.Loopback, 30010);
        var offer = new MediaOffer(remote, [CallAudioCodec.Pcma, CallAudioCodec.Pcmu], 110,
            CallMediaDirection.ReceiveOnly);

        var configuration = RtpSessionConfiguration.FromOffer(offer, CallAudioCodec.Pcma);

        Assert.Equal(new RtpSessionConfiguration(remote, CallAudioCodec.Pcma, 110, CallMediaDirection.ReceiveOnly),
            configuration);
    }
}
