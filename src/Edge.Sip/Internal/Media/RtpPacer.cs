using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal.Media;

/// <summary>
/// One periodic timer for all sessions of a factory: every tick sends each session's due frames. Hundreds of calls
/// share one timer instead of one each; a tick that overruns is not re-entered, the next one catches up because
/// deadlines are absolute.
/// </summary>
internal sealed partial class RtpPacer : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private RtpOutboundStream[] _streams = [];
    private int _ticking;

    public RtpPacer(TimeProvider timeProvider, TimeSpan interval, ILogger logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;
        _timer = timeProvider.CreateTimer(static state => ((RtpPacer)state!).Tick(), this, interval, interval);
    }

    public int Count => Volatile.Read(ref _streams).Length;

    public void Add(RtpOutboundStream stream)
    {
        lock (_gate)
        {
            _streams = [.. _streams, stream];
        }
    }

    public void Remove(RtpOutboundStream stream)
    {
        lock (_gate)
        {
            _streams = Array.FindAll(_streams, s => !ReferenceEquals(s, stream));
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Tick()
    {
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        try
        {
            var now = _timeProvider.GetTimestamp();
            foreach (var stream in Volatile.Read(ref _streams))
            {
                TickOne(stream, now);
            }
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    private void TickOne(RtpOutboundStream stream, long now)
    {
        try
        {
            stream.OnTick(now);
        }
#pragma warning disable CA1031 // One session's fault must not stop the audio of every other call; it is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.TickFailed(_logger, ex);
        }
    }
}
