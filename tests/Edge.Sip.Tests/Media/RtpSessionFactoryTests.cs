using System.Net;
using Edge.Sip.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Sip.Tests.Media;

public sealed class RtpSessionFactoryTests
{
    [Fact]
    public async Task CreateSession_RangeOfTwoPorts_GivesEvenPortsThenExhaustedAsAValue()
    {
        var first = FreeEvenPortBase();
        await using var factory = Factory(first, first + 3);

        var a = factory.CreateSession();
        var b = factory.CreateSession();
        var c = factory.CreateSession();

        Assert.True(a.IsSuccess);
        Assert.True(b.IsSuccess);
        Assert.False(c.IsSuccess);
        Assert.Equal(RtpSessionError.PortRangeExhausted, c.Error);
        Assert.Equal([first, first + 2], new[] { a.Session.LocalEndPoint.Port, b.Session.LocalEndPoint.Port }.Order());
        Assert.Equal(IPAddress.Loopback, a.Session.LocalEndPoint.Address);
        Assert.Equal(2, factory.PortsInUse);
        await a.Session.DisposeAsync();
        await b.Session.DisposeAsync();
    }

    [Fact]
    public async Task DisposeAsync_Session_ReleasesItsPortForTheNextCall()
    {
        var first = FreeEvenPortBase();
        await using var factory = Factory(first, first);
        var a = factory.CreateSession();
        Assert.True(a.IsSuccess);
        Assert.False(factory.CreateSession().IsSuccess);

        await a.Session.DisposeAsync();
        var again = factory.CreateSession();

        Assert.True(again.IsSuccess);
        Assert.Equal(first, again.Session.LocalEndPoint.Port);
        await again.Session.DisposeAsync();
        Assert.Equal(0, factory.PortsInUse);
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblemAtOnce()
    {
        var options = new RtpOptions
        {
            FirstPort = 80,
            LastPort = 70,
            PacerInterval = TimeSpan.Zero,
            DtmfVolume = 64,
        };

        var error = Assert.Throws<ArgumentException>(
            () => new RtpSessionFactory(options, new FakeTimeProvider(), NullLoggerFactory.Instance));

        Assert.Contains(nameof(RtpOptions.FirstPort), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(RtpOptions.LastPort), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(RtpOptions.PacerInterval), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(RtpOptions.DtmfVolume), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_HasNoErrors()
    {
        Assert.Empty(new RtpOptions().Validate());
    }

    [Fact]
    public void Validate_SingleOddPort_IsRejected()
    {
        Assert.Contains(new RtpOptions { FirstPort = 20001, LastPort = 20001 }.Validate(),
            e => e.Contains("even", StringComparison.Ordinal));
    }

    private static RtpSessionFactory Factory(int firstPort, int lastPort) => new(
        new RtpOptions { BindAddress = IPAddress.Loopback, FirstPort = firstPort, LastPort = lastPort },
        new FakeTimeProvider(),
        NullLoggerFactory.Instance);

    // Below Linux's ephemeral range (32768+), so other tests' port-0 sockets do not collide with ours.
    private static int FreeEvenPortBase() => 20000 + (2 * Random.Shared.Next(0, 6000));
}
