using System.Net;
using Edge.Sip.Internal.Sdp;

namespace Edge.Sip.Tests.Internal.Sdp;

public sealed class SdpNegotiatorTests
{
    private static readonly LocalMedia Local = new(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu, 101);

    private static string Offer(string media, string extra = "", string connection = "c=IN IP4 10.0.0.1\r\n") =>
        "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\n" + connection + "t=0 0\r\n" + media + extra;

    [Theory]
    [InlineData(96)]
    [InlineData(101)]
    [InlineData(110)]
    public void BuildAnswer_TelephoneEventOnCallersPayload_UsesSameNumber(int pt)
    {
        var offer = SdpDescription.Parse(Offer($"m=audio 5004 RTP/AVP 8 0 {pt}\r\na=rtpmap:{pt} telephone-event/8000\r\n"))!;
        var negotiated = SdpNegotiator.Read(offer)!;

        var answer = SdpNegotiator.BuildAnswer(offer, negotiated, Local, 2).ToString();

        Assert.Equal(pt, negotiated.Media.TelephoneEventPayloadType);
        Assert.Contains($"m=audio 40000 RTP/AVP 0 {pt}\r\n", answer, StringComparison.Ordinal);
        Assert.Contains($"a=rtpmap:{pt} telephone-event/8000", answer, StringComparison.Ordinal);
        Assert.Equal([CallAudioCodec.Pcma, CallAudioCodec.Pcmu], negotiated.Media.Codecs);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 5004), negotiated.Media.RemoteEndPoint);
    }

    [Fact]
    public void BuildAnswer_VideoNextToAudio_RejectsVideoWithPortZero()
    {
        var offer = SdpDescription.Parse(Offer("m=audio 5004 RTP/AVP 0\r\nm=video 0 RTP/AVP 31\r\n"))!;
        var negotiated = SdpNegotiator.Read(offer)!;

        var answer = SdpDescription.Parse(SdpNegotiator.BuildAnswer(offer, negotiated, Local, 2).ToString())!;

        Assert.Equal(2, answer.Media.Count);
        Assert.Equal(40000, answer.Media[0].Port);
        Assert.Equal("video", answer.Media[1].Media);
        Assert.Equal(0, answer.Media[1].Port);
    }

    [Theory]
    [InlineData("a=sendonly\r\n", CallMediaDirection.ReceiveOnly, "a=recvonly")]
    [InlineData("a=recvonly\r\n", CallMediaDirection.SendOnly, "a=sendonly")]
    [InlineData("a=inactive\r\n", CallMediaDirection.Inactive, "a=inactive")]
    [InlineData("", CallMediaDirection.SendReceive, "a=sendrecv")]
    public void Read_DirectionAtMediaLevel_MapsToOurs(string attribute, CallMediaDirection expected, string answerLine)
    {
        var offer = SdpDescription.Parse(Offer("m=audio 5004 RTP/AVP 0\r\n" + attribute))!;
        var negotiated = SdpNegotiator.Read(offer)!;

        Assert.Equal(expected, negotiated.Media.Direction);
        Assert.Contains(answerLine, SdpNegotiator.BuildAnswer(offer, negotiated, Local, 1).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SessionLevelDirectionAndMediaLevelIpv6Connection_Reads()
    {
        var text = "v=0\r\no=- 1 1 IN IP6 ::1\r\ns=-\r\nt=0 0\r\na=sendonly\r\nm=audio 6000 RTP/AVP 8\r\nc=IN IP6 2001:db8::5\r\n";

        var negotiated = SdpNegotiator.Read(SdpDescription.Parse(text)!)!;

        Assert.Equal(CallMediaDirection.ReceiveOnly, negotiated.Media.Direction);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::5"), 6000), negotiated.Media.RemoteEndPoint);
    }

    [Fact]
    public void Read_NoSupportedCodec_ReturnsNull()
    {
        Assert.Null(SdpNegotiator.Read(SdpDescription.Parse(Offer("m=audio 5004 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n"))!));
    }

    [Fact]
    public void Read_DynamicPcmaViaRtpmap_AnswersOnThatNumber()
    {
        var offer = SdpDescription.Parse(Offer("m=audio 5004 RTP/AVP 97\r\na=rtpmap:97 PCMA/8000\r\n"))!;
        var negotiated = SdpNegotiator.Read(offer)!;

        var answer = SdpNegotiator.BuildAnswer(offer, negotiated, Local with { Codec = CallAudioCodec.Pcma }, 1).ToString();

        Assert.Contains("m=audio 40000 RTP/AVP 97\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotSdp_ReturnsNull()
    {
        Assert.Null(SdpDescription.Parse("hello"));
        Assert.Null(SdpDescription.Parse("v=0\r\nm=audio x RTP/AVP 0\r\n"));
    }

    [Fact]
    public void BuildOffer_ChosenCodec_OffersCodecAndTelephoneEvent()
    {
        var offer = SdpNegotiator.BuildOffer(Local, 3).ToString();

        Assert.Contains("m=audio 40000 RTP/AVP 0 101", offer, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 127.0.0.1", offer, StringComparison.Ordinal);
        Assert.NotNull(SdpNegotiator.Read(SdpDescription.Parse(offer)!));
    }
}
