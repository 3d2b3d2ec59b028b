using Edge.Host.Hosting;

namespace Edge.Host.Tests.Hosting;

public sealed class LoopbackHttpUrlAttributeTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://127.0.0.2:8080/")]
    public void IsLoopbackHttpUrl_Loopback_True(string url)
    {
        Assert.True(LoopbackHttpUrlAttribute.IsLoopbackHttpUrl(url));
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://192.0.2.10:8080")]
    [InlineData("http://*:8080")]
    [InlineData("https://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:8080/kiosk")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("")]
    [InlineData(null)]
    public void IsLoopbackHttpUrl_NotLoopbackHttp_False(string? url)
    {
        Assert.False(LoopbackHttpUrlAttribute.IsLoopbackHttpUrl(url));
    }
}
