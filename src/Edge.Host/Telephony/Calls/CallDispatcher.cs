using Edge.Host.Telephony.Ivr;
using Microsoft.Extensions.Options;

namespace Edge.Host.Telephony.Calls;

/// <summary>
/// The entry point for the SIP adapter: runs each new call through the IVR, at most
/// <see cref="TelephonyOptions.MaxConcurrentCalls"/> at a time.
/// </summary>
internal sealed class CallDispatcher : IDisposable
{
    private readonly IvrCallHandler _handler;
    private readonly SemaphoreSlim _lines;

    public CallDispatcher(IvrCallHandler handler, IOptions<TelephonyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _handler = handler;
        _lines = new SemaphoreSlim(options.Value.MaxConcurrentCalls, options.Value.MaxConcurrentCalls);
    }

    /// <summary>
    /// Handles the call when a line is free and returns its outcome; when every line is busy it records the
    /// refused call and returns <see cref="CallOutcome.Bezet"/> at once, and the adapter answers
    /// 486 Busy Here (RFC 3261 §21.4.24) without calling <see cref="ICallSession.AnswerAsync"/>.
    /// </summary>
    public async Task<CallOutcome> DispatchAsync(ICallSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!_lines.Wait(0, CancellationToken.None))
        {
            await _handler.RecordBusyAsync(session);
            return CallOutcome.Bezet;
        }

        try
        {
            return await _handler.HandleAsync(session, cancellationToken);
        }
        finally
        {
            _lines.Release();
        }
    }

    public void Dispose() => _lines.Dispose();
}
