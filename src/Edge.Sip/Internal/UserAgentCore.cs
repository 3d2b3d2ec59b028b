using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Edge.Sip.Internal.Calls;
using Edge.Sip.Internal.Messages;
using Edge.Sip.Internal.Timers;
using Edge.Sip.Internal.Transactions;
using Edge.Sip.Internal.Transport;
using Microsoft.Extensions.Logging;

namespace Edge.Sip.Internal;

/// <summary>
/// The user agent core: matches messages to transactions and dialogs, validates requests (RFC 3261 §8.2),
/// and owns every call. All state is guarded by one lock; timers come from one <see cref="TimerQueue"/>.
/// </summary>
internal sealed partial class UserAgentCore : IDisposable
{
    private const string AllowedMethods = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, NOTIFY";

    private static readonly HashSet<string> Allowed = ["INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "INFO", "NOTIFY"];

    // The methods of RFC 3261 and of the extensions in common use (PRACK 3262, UPDATE 3311, MESSAGE 3428,
    // REFER 3515, PUBLISH 3903, SUBSCRIBE 6665). Method names are case-sensitive (§7.1): "options" is none of them.
    private static readonly HashSet<string> Known =
        [.. Allowed, "REGISTER", "PRACK", "UPDATE", "MESSAGE", "REFER", "PUBLISH", "SUBSCRIBE"];

    private readonly Lock _sync = new();
    private readonly SipOptions _options;
    private readonly ILogger _logger;
    private readonly TimerQueue _timers;
    private readonly CallIdHasher _hasher = new();
    private readonly Dictionary<string, ServerTransaction> _server = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _mergeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClientTransaction> _client = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SipCall> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SipCall> _callsByInvite = new(StringComparer.Ordinal);
    private readonly Channel<IncomingCall> _incoming = Channel.CreateUnbounded<IncomingCall>();
    private Action<byte[], SendTarget> _send = (_, _) => { };
    private IPEndPoint _local = new(IPAddress.Loopback, 0);

    public UserAgentCore(SipOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _timers = new TimerQueue(time, ex => LogTimerFailed(_logger, ex));
    }

    public Lock Sync => _sync;

    public ChannelReader<IncomingCall> IncomingCalls => _incoming.Reader;

    public string UserAgentName => _options.UserAgent;

    public TimeSpan TransferTimeout => _options.TransferTimeout;

    public int ActiveCalls
    {
        get
        {
            lock (_sync)
            {
                return _calls.Count;
            }
        }
    }

    /// <summary>Connects the core to a started transport.</summary>
    public void Attach(Action<byte[], SendTarget> send, IPEndPoint local)
    {
        _send = send;
        _local = local;
    }

    public string Hash(string callId) => _hasher.Hash(callId);

    /// <summary>Schedules a callback that runs under the core's lock.</summary>
    public TimerHandle Schedule(TimeSpan delay, Action callback) => _timers.Schedule(delay, () =>
    {
        lock (_sync)
        {
            callback();
        }
    });

    public void Send(byte[] data, SendTarget target) => _send(data, target);

    private string LocalHost => _options.PublicHost
        ?? (_local.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + _local.Address + "]" : _local.Address.ToString());

    private string LocalPort => _local.Port.ToString(CultureInfo.InvariantCulture);

    public string ContactFor(TransportKind kind) =>
        "<sip:" + LocalHost + ":" + LocalPort + (kind == TransportKind.Tcp ? ";transport=tcp>" : ">");

    public string ViaFor(TransportKind kind) =>
        "SIP/2.0/" + (kind == TransportKind.Tcp ? "TCP " : "UDP ") + LocalHost + ":" + LocalPort
        + ";branch=" + RandomIds.Branch() + ";rport";

    /// <summary>Allow, Accept and Supported: what OPTIONS and 2xx responses advertise (§11.2).</summary>
    public static void AddCapabilities(SipMessage response)
    {
        response.Add(HeaderNames.Allow, AllowedMethods);
        response.Add(HeaderNames.Accept, "application/sdp, application/dtmf-relay, application/dtmf, message/sipfrag");

        // We implement no option tags, so Supported is empty (RFC 3261 §20.37 allows that).
        response.Add(HeaderNames.Supported, string.Empty);
    }

    /// <summary>
    /// The answer to a method we do not take: 405 with Allow for a method we know (§21.4.6), 501 for one we do not
    /// recognise at all (§21.5.2); Allow goes with both, so the caller sees what we do take.
    /// </summary>
    public static SipMessage RefuseMethod(SipMessage request)
    {
        var response = ResponseFactory.Create(request, Known.Contains(request.Method!) ? 405 : 501, RandomIds.Tag());
        response.Add(HeaderNames.Allow, AllowedMethods);
        return response;
    }

    public void StartClientTransaction(SipMessage request, SendTarget target, Action<int> onFinal)
    {
        var key = SipFields.TopVia(request)?.Branch + "|" + request.Method;
        var transaction = new ClientTransaction(key, SipSerializer.Serialize(request), target, Schedule, Send,
            (_, status) => onFinal(status), t => _client.Remove(t.Key));
        _client[key] = transaction;
        LogRequestSent(_logger, request.Method!);
        transaction.Start();
    }

    public void RemoveCall(SipCall call)
    {
        _calls.Remove(DialogKey(call.CallId, call.LocalTag, call.RemoteTag));
        _callsByInvite.Remove(call.InviteTransaction.Key);
    }

    /// <summary>Entry point for every message from the transport.</summary>
    public void Receive(byte[] data, InboundContext source)
    {
        var result = SipParser.Parse(data);
        lock (_sync)
        {
            if (!result.IsSuccess)
            {
                OnParseFailure(result, source);
            }
            else if (result.Message!.IsRequest)
            {
                OnRequest(result.Message, source);
            }
            else
            {
                OnResponse(result.Message);
            }
        }
    }

    /// <summary>A TCP head with an unusable Content-Length: answer 400 if we can, then the transport closes.</summary>
    public void OnBadStream(TcpConnection connection, byte[] head)
    {
        var result = SipParser.Parse(head);
        var source = new InboundContext(TransportKind.Tcp, connection.Remote, connection);
        lock (_sync)
        {
            OnParseFailure(result.IsSuccess ? ParseResult.Fail(ParseError.BadContentLength, "Bad Content-Length", result.Message)
                : result, source);
        }
    }

    /// <summary>Ends every call (BYE or 503) when the endpoint stops.</summary>
    public void ShutdownCalls()
    {
        lock (_sync)
        {
            foreach (var call in _calls.Values.ToList())
            {
                call.Shutdown();
            }

            _incoming.Writer.TryComplete();
        }
    }

    private static string DialogKey(string callId, string localTag, string remoteTag) => callId + "|" + localTag + "|" + remoteTag;

    public void Dispose() => _timers.Dispose();
}
