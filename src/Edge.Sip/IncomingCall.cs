using System.Net;
using System.Threading.Channels;
using Edge.Sip.Internal.Calls;

namespace Edge.Sip;

/// <summary>
/// A call offered to the application. It rings (180 sent) until <see cref="AcceptAsync"/> or
/// <see cref="RejectAsync"/>; events arrive on <see cref="Events"/>, ending with <see cref="CallEnded"/>.
/// </summary>
public sealed class IncomingCall
{
    private readonly SipCall _call;

    internal IncomingCall(SipCall call, string id, CallerIdentity caller, MediaOffer offer, bool hasOffer)
    {
        _call = call;
        Id = id;
        Caller = caller;
        Offer = offer;
        HasOffer = hasOffer;
    }

    /// <summary>An opaque id for logs and correlation: a keyed hash of the Call-ID, safe to log.</summary>
    public string Id { get; }

    /// <summary>Who is calling. Personal data: never log it.</summary>
    public CallerIdentity Caller { get; }

    /// <summary>The caller's offer. Without <see cref="HasOffer"/> it lists what we will offer, with no remote endpoint yet.</summary>
    public MediaOffer Offer { get; }

    /// <summary>Whether the INVITE carried an SDP offer; if not, the answer arrives later as <see cref="MediaChanged"/>.</summary>
    public bool HasOffer { get; }

    /// <summary>Digits, media changes and finally <see cref="CallEnded"/>, in order.</summary>
    public ChannelReader<CallEvent> Events => _call.Events;

    /// <summary>Completes with the reason when the call has ended.</summary>
    public Task<CallEndReason> Completion => _call.Completion;

    /// <summary>
    /// Completes with true when the ACK for our 200 OK arrived (the dialog is confirmed, RFC 3261 §13.3.1.4), or
    /// with false when the call ended first (rejected, cancelled, or no ACK within 64*T1).
    /// </summary>
    public Task<bool> Confirmed => _call.Confirmed;

    /// <summary>Answers with 200 OK and our SDP: <paramref name="localRtp"/> is where we receive RTP.</summary>
    /// <param name="localRtp">The bound local RTP endpoint.</param>
    /// <param name="codec">The codec to use; if the caller did not offer it, the caller's first supported codec is used.</param>
    /// <param name="cancellationToken">Cancels waiting for the call's lock.</param>
    public Task<CallActionResult> AcceptAsync(IPEndPoint localRtp, CallAudioCodec codec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(localRtp);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_call.Run(c => c.Accept(localRtp, codec)));
    }

    /// <summary>Rejects the ringing call with a final status between 300 and 699 (for example 486 or 603).</summary>
    /// <param name="statusCode">The SIP status code.</param>
    /// <param name="cancellationToken">Cancels waiting for the call's lock.</param>
    public Task<CallActionResult> RejectAsync(int statusCode, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_call.Run(c => c.Reject(statusCode)));
    }

    /// <summary>Ends the call: BYE once the dialog is confirmed, 480 while still ringing.</summary>
    /// <param name="cancellationToken">Cancels waiting for the call's lock.</param>
    public Task<CallActionResult> HangUpAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_call.Run(c => c.HangUp()));
    }

    /// <summary>Transfers the caller with REFER (RFC 3515) and waits for the final NOTIFY.</summary>
    /// <param name="targetUri">The sip: or tel: URI to transfer to.</param>
    /// <param name="cancellationToken">Stops waiting; the transfer itself may still go on.</param>
    public Task<TransferResult> TransferAsync(string targetUri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetUri);
        return _call.Run(c => c.Transfer(targetUri)).WaitAsync(cancellationToken);
    }
}
