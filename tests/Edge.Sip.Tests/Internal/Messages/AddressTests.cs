using Edge.Sip.Internal.Messages;

namespace Edge.Sip.Tests.Internal.Messages;

public sealed class AddressTests
{
    [Fact]
    public void SipUriTryParse_EscapedUserAndParams_Decodes()
    {
        Assert.True(SipUri.TryParse("sip:%61lice%2Bx@10.0.0.1:5070;transport=tcp;lr?subject=x", out var uri));

        Assert.Equal("alice+x", uri.UnescapedUser);
        Assert.Equal(5070, uri.Port);
        Assert.Equal("tcp", uri.Parameter("transport"));
        Assert.True(uri.HasParameter("lr"));
        Assert.Equal("subject=x", uri.Headers);
    }

    [Theory]
    [InlineData("sip:%C3%A9%E2%82%AC@h", "é€")]
    [InlineData("sip:a%2@h", "a%2")]
    [InlineData("sip:%zz%41@h", "%zzA")]
    public void SipUriUnescapedUser_Utf8AndBrokenEscapes_DecodesWhatIsValid(string text, string expected)
    {
        Assert.True(SipUri.TryParse(text, out var uri));

        Assert.Equal(expected, uri.UnescapedUser);
    }

    [Fact]
    public void SipUriTryParse_Ipv6Reference_KeepsBrackets()
    {
        Assert.True(SipUri.TryParse("sip:[2001:db8::10]:5070", out var uri));

        Assert.Equal("[2001:db8::10]", uri.Host);
        Assert.Equal("2001:db8::10", uri.HostWithoutBrackets);
        Assert.Equal(5070, uri.Port);
    }

    [Theory]
    [InlineData("sip:")]
    [InlineData("http://x")]
    [InlineData("sip:a@b c")]
    [InlineData("sip:a@host:99999")]
    [InlineData("sip:@host")]
    [InlineData("sip:[::1")]
    public void SipUriTryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(SipUri.TryParse(text, out _));
    }

    [Fact]
    public void NameAddressTryParse_AddrSpecWithTag_TagBelongsToHeader()
    {
        Assert.True(NameAddress.TryParse("sip:bob@10.0.0.1;tag=7", out var address));

        Assert.Equal("7", address.Tag);
        Assert.Empty(address.Uri.Parameters);
    }

    [Fact]
    public void NameAddressTryParse_UnquotedDisplayName_Reads()
    {
        Assert.True(NameAddress.TryParse("Anonymous  Caller <sip:anonymous@anonymous.invalid>;tag=1", out var address));

        Assert.Equal("Anonymous  Caller", address.DisplayName);
        Assert.Equal("anonymous.invalid", address.Uri.Host);
    }

    [Fact]
    public void ViaTryParse_SpacesAroundSlashesAndParams_Reads()
    {
        Assert.True(ViaValue.TryParse("SIP / 2.0 / udp 10.0.0.1 : 5070 ; branch=z9hG4bK77 ; rport", out var via));

        Assert.Equal("UDP", via.Transport);
        Assert.Equal("10.0.0.1", via.Host);
        Assert.Equal(5070, via.Port);
        Assert.Equal("z9hG4bK77", via.Branch);
        Assert.True(via.HasRport);
    }

    [Fact]
    public void ViaTryParse_Ipv6_Reads()
    {
        Assert.True(ViaValue.TryParse("SIP/2.0/TCP [2001:db8::1]:5061;branch=z9hG4bKx;received=::1", out var via));

        Assert.Equal("[2001:db8::1]", via.Host);
        Assert.Equal(5061, via.Port);
    }
}
