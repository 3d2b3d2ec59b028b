using Edge.Host.Telephony.Calls;
using Edge.Host.Telephony.Ivr;
using Edge.Sip;
using Edge.Sip.Media;
using Microsoft.Extensions.Options;
using Omni.Sdk;

namespace Edge.Host.Telephony.Sip;

/// <summary>Takes one offered call from ringing to its end: media, the IVR, and the SIP answer when it is refused.</summary>
internal sealed partial class SipCallRunner
{
    // RFC 3261 §21.4.26 and §21.5.4: no codec in common / no capacity for media.
    private const int NotAcceptableHere = 488;
    private const int ServiceUnavailable = 503;
    private const int BusyHere = 486;

    private readonly CallDispatcher _dispatcher;
    private readonly IOutboxMonitor _outbox;
    private readonly PromptLibrary _prompts;
    private readonly TimeProvider _time;
    private readonly ILogger<SipCallRunner> _logger;
    private readonly IReadOnlyList<System.Net.IPAddress> _trustedPeers;
    private readonly TimeSpan _ringTime;

    public SipCallRunner(
        CallDispatcher dispatcher,
        IOutboxMonitor outbox,
        PromptLibrary prompts,
        IOptions<TelephonyOptions> options,
        TimeProvider time,
        ILogger<SipCallRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dispatcher = dispatcher;
        _outbox = outbox;
        _prompts = prompts;
        _time = time;
        _logger = logger;
        _trustedPeers = SipStackOptions.ToSipOptions(options.Value).TrustedPeers;
        _ringTime = SipStackOptions.RingTime(options.Value);
    }

    /// <summary>Runs the call; never throws for the call's own faults, which are logged.</summary>
    public async Task RunAsync(IncomingCall call, RtpSessionFactory media, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(media);
        if (SipCallSession.ChooseCodec(call.Offer) is null)
        {
            LogRefused(call.Id, NotAcceptableHere);
            await call.RejectAsync(NotAcceptableHere, CancellationToken.None);
            return;
        }

        // A call the outbox cannot record is not taken: 503 lets the trunk route it elsewhere, where answering it
        // would lose its klantcontact. Limitation: the check is made at the INVITE; a call taken while there was room
        // whose records no longer fit when it ends (the outbox filled meanwhile, or a callback needs a second record)
        // is still not recorded, which CallRecorder logs as an error.
        if ((await _outbox.GetStatusAsync(CancellationToken.None)).StorageFull)
        {
            LogRefusedOutboxFull(call.Id);
            await call.RejectAsync(ServiceUnavailable, CancellationToken.None);
            return;
        }

        var created = media.CreateSession();
        if (!created.IsSuccess)
        {
            LogRefused(call.Id, ServiceUnavailable);
            await call.RejectAsync(ServiceUnavailable, CancellationToken.None);
            return;
        }

        await using var rtp = created.Session;
        await RunIvrAsync(call, rtp, stoppingToken);
    }

    private async Task RunIvrAsync(IncomingCall call, RtpSession rtp, CancellationToken stoppingToken)
    {
        var caller = SipCallerMapper.Map(call.Caller, _trustedPeers);
        await using var session = new SipCallSession(call, rtp, caller, _prompts, _ringTime, _time, _logger);
        try
        {
            var outcome = await _dispatcher.DispatchAsync(session, stoppingToken);
            if (outcome == CallOutcome.Bezet)
            {
                await session.RejectAsync(BusyHere, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops; the IVR recorded the call as broken off and the endpoint ends the dialog.
        }
#pragma warning disable CA1031 // One call's fault must not take the other calls or the listener down.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogCallFaulted(exception, call.Id);
        }

        var statistics = rtp.GetStatistics();
        LogMedia(call.Id, statistics.PacketsSent, statistics.PacketsReceived, statistics.MaxSendGap.TotalMilliseconds);
    }
}
