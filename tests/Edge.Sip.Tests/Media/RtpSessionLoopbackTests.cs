using System.Net;
using System.Net.Sockets;
using Edge.Sip.Media;
using Microsoft.Extensions.Logging;

namespace Edge.Sip.Tests.Media;

/// <summary>Two sessions on real UDP sockets on 127.0.0.1, paced by the real clock.</summary>
public sealed class RtpSessionLoopbackTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TwoSessions_OnLoopback_ExchangeAudioAndDtmfBothWays()
    {
        var logs = new RecordingLoggerFactory();
        var options = LoopbackOptions();
        await using var factory = new RtpSessionFactory(options, TimeProvider.System, logs);
        await using var caller = Create(factory);
        await using var gateway = Create(factory);
        using var timeout = new CancellationTokenSource(Timeout);
        gateway.Configure(new RtpSessionConfiguration(caller.LocalEndPoint, CallAudioCodec.Pcmu, 96));
        caller.Configure(new RtpSessionConfiguration(gateway.LocalEndPoint, CallAudioCodec.Pcma, 96));

        var prompt = new Prompt("welkom", CallAudioCodec.Pcmu, Enumerable.Repeat((byte)0x11, 2400).ToArray());
        var playing = gateway.PlayAsync(prompt, timeout.Token);
        Assert.Equal(DtmfSendResult.Sent, await caller.SendDtmfAsync('7', timeout.Token));
        var heard = await gateway.Digits.ReadAsync(timeout.Token);
        Assert.Equal(PlaybackResult.Completed, await playing);
        Assert.Equal(DtmfSendResult.Sent, await gateway.SendDtmfAsync('#', timeout.Token));
        var callerHeard = await caller.Digits.ReadAsync(timeout.Token);

        Assert.Equal(('7', DtmfSource.Rfc4733), (heard.Digit, heard.Source));
        Assert.Equal(('#', DtmfSource.Rfc4733), (callerHeard.Digit, callerHeard.Source));
        Assert.False(gateway.Digits.TryRead(out _));
        Assert.False(caller.Digits.TryRead(out _));
        // The digit is reported on the first event packet; by then the 15 prompt frames sent before it have arrived.
        Assert.True(caller.GetStatistics().PacketsReceived >= 15 + 1, "the prompt's frames reached the caller");
        Assert.True(gateway.GetStatistics().PacketsReceived >= 7);
        Assert.Equal(0, caller.GetStatistics().InvalidPacketsReceived);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(logs.Entries, e => e.Values.Any(v => v.Value is char or "7" or "#"));
    }

    [Fact]
    public async Task ReceiveLoop_AfterSendingToAClosedPort_KeepsReceiving()
    {
        var logs = new RecordingLoggerFactory();
        var options = LoopbackOptions();
        await using var factory = new RtpSessionFactory(options, TimeProvider.System, logs);
        await using var gateway = Create(factory);
        await using var caller = Create(factory);
        using var timeout = new CancellationTokenSource(Timeout);
        var closedPort = ClosedUdpPort();

        // P10: sending to a port nobody listens on makes the kernel answer ICMP port unreachable, which can surface
        // as an error on the next receive; the loop must survive it.
        gateway.Configure(new RtpSessionConfiguration(closedPort, CallAudioCodec.Pcmu, 101));
        var prompt = new Prompt("kort", CallAudioCodec.Pcmu, new byte[800]);
        Assert.Equal(PlaybackResult.Completed, await gateway.PlayAsync(prompt, timeout.Token));
        caller.Configure(new RtpSessionConfiguration(gateway.LocalEndPoint, CallAudioCodec.Pcmu, 101));
        Assert.Equal(DtmfSendResult.Sent, await caller.SendDtmfAsync('5', timeout.Token));

        var heard = await gateway.Digits.ReadAsync(timeout.Token);

        Assert.Equal('5', heard.Digit);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private static RtpOptions LoopbackOptions()
    {
        // Below Linux's ephemeral range (32768+), so other tests' port-0 sockets do not collide with ours.
        var firstPort = 20000 + (2 * Random.Shared.Next(6000));
        return new RtpOptions { BindAddress = IPAddress.Loopback, FirstPort = firstPort, LastPort = firstPort + 20 };
    }

    private static IPEndPoint ClosedUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)probe.LocalEndPoint!;
    }

    private static RtpSession Create(RtpSessionFactory factory)
    {
        var result = factory.CreateSession();
        Assert.True(result.IsSuccess);
        return result.Session;
    }
}
