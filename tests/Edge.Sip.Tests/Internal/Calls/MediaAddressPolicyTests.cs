using System.Net;
using Edge.Sip.Internal.Calls;

namespace Edge.Sip.Tests.Internal.Calls;

public sealed class MediaAddressPolicyTests
{
    private static readonly IPAddress Caller = IPAddress.Parse("127.0.0.1");
    private static readonly IPAddress Elsewhere = IPAddress.Parse("192.0.2.1");

    [Fact]
    public void Allows_SdpAddressIsTheSource_True()
    {
        Assert.True(MediaAddressPolicy.Allows(Caller, Caller, []));
    }

    [Fact]
    public void Allows_SdpAddressElsewhereFromUntrustedSource_False()
    {
        Assert.False(MediaAddressPolicy.Allows(Elsewhere, Caller, []));
        Assert.False(MediaAddressPolicy.Allows(Elsewhere, Caller, [IPAddress.Parse("127.0.0.2")]));
    }

    [Fact]
    public void Allows_SdpAddressElsewhereFromTrustedPeer_True()
    {
        Assert.True(MediaAddressPolicy.Allows(Elsewhere, Caller, [Caller]));
    }

    [Fact]
    public void Allows_TrustedAddressNamedInSdpByUntrustedSource_False()
    {
        // Trust belongs to who sent the request, not to the address the SDP names.
        Assert.False(MediaAddressPolicy.Allows(Caller, IPAddress.Parse("127.0.0.2"), [Caller]));
    }

    [Fact]
    public void Allows_SourceIpv4MappedOnDualStackSocket_ComparedAsIpv4()
    {
        var mapped = Caller.MapToIPv6();

        Assert.True(MediaAddressPolicy.Allows(Caller, mapped, []));
        Assert.True(MediaAddressPolicy.Allows(Elsewhere, mapped, [Caller]));
        Assert.False(MediaAddressPolicy.Allows(Elsewhere, mapped, []));
    }

    [Fact]
    public void Allows_OtherFamilyThanSource_False()
    {
        Assert.False(MediaAddressPolicy.Allows(IPAddress.IPv6Loopback, Caller, []));
    }
}
