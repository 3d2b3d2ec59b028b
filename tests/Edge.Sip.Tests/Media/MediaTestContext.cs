using System.Net;
using Edge.Sip.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Sip.Tests.Media;

/// <summary>A factory on a fake clock and one session on a fake transport.</summary>
internal sealed class MediaTestContext : IAsyncDisposable
{
    public static readonly IPEndPoint Remote = new(IPAddress.Loopback, 30000);

    public MediaTestContext(RtpOptions? options = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        Factory = new RtpSessionFactory(options ?? new RtpOptions(), Time, NullLoggerFactory.Instance);
        Transport = new FakeRtpTransport(Time);
        Session = Factory.CreateSession(Transport);
    }

    public FakeTimeProvider Time { get; }

    public RtpSessionFactory Factory { get; }

    public FakeRtpTransport Transport { get; }

    public RtpSession Session { get; }

    public void Configure(
        CallAudioCodec codec = CallAudioCodec.Pcmu,
        byte? eventPayloadType = 101,
        CallMediaDirection direction = CallMediaDirection.SendReceive) =>
        Session.Configure(new RtpSessionConfiguration(Remote, codec, eventPayloadType, direction));

    /// <summary>Moves the fake clock in small steps so the pacer's timer fires at each of its due times.</summary>
    public void Advance(TimeSpan span, int stepMilliseconds = 1)
    {
        var step = TimeSpan.FromMilliseconds(stepMilliseconds);
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += step)
        {
            Time.Advance(step);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await Factory.DisposeAsync();
    }
}
