using System.Net;
using System.Threading.Channels;
using Edge.Sip.Internal;
using Edge.Sip.Internal.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Sip;

/// <summary>
/// A SIP user agent server on one UDP and TCP port: answers calls (offered on <see cref="IncomingCalls"/>),
/// handles in-dialog requests, and sends BYE and REFER for the application.
/// </summary>
public sealed partial class SipEndpoint : IAsyncDisposable
{
    // Limitation: no TLS (sips:) transport and no digest authentication; peers are trusted by network placement.
    private readonly SipOptions _options;
    private readonly ILogger _logger;
    private readonly UserAgentCore _core;
    private readonly SipTransport _transport;
    private int _state;

    /// <summary>Creates an endpoint; nothing is bound until <see cref="StartAsync"/>.</summary>
    /// <param name="options">Listen address, port and limits.</param>
    /// <param name="timeProvider">The clock for every SIP timer.</param>
    /// <param name="loggerFactory">Optional logging; never receives SIP messages, URIs or numbers.</param>
    public SipEndpoint(SipOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = factory.CreateLogger<SipEndpoint>();
        _core = new UserAgentCore(options, timeProvider, factory.CreateLogger("Edge.Sip.UserAgent"));
        var handlers = new TransportHandlers(_core.Receive, _core.OnBadStream, _core.IsUsing);
        _transport = new SipTransport(
            options, timeProvider, _core.Schedule, handlers, factory.CreateLogger("Edge.Sip.Transport"));
    }

    /// <summary>The bound address and port (the real port when <see cref="SipOptions.Port"/> is 0).</summary>
    public IPEndPoint LocalEndPoint => _transport.LocalEndPoint;

    /// <summary>Calls offered to the application, one per new INVITE that passed every check.</summary>
    public ChannelReader<IncomingCall> IncomingCalls => _core.IncomingCalls;

    /// <summary>Calls ringing or in progress.</summary>
    public int ActiveCalls => _core.ActiveCalls;

    /// <summary>Validates the options and binds UDP and TCP.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="InvalidOperationException">
    /// The options are invalid (the message lists every problem), or the endpoint was already started.
    /// </exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid SipOptions: " + string.Join(" ", errors));
        }

        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The endpoint was already started.");
        }

        _transport.Start(_options.ListenAddress, _options.Port, _options.EnableUdp, _options.EnableTcp);
        _core.Attach(_transport.Send, _transport.LocalEndPoint);
        LogStarted(_logger, _transport.LocalEndPoint.Port);
        return Task.CompletedTask;
    }

    /// <summary>Ends every call (BYE, or 503 while ringing), then closes the sockets.</summary>
    /// <param name="cancellationToken">Cancels waiting for the sockets to close.</param>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }

        _core.ShutdownCalls();
        await _transport.DisposeAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        LogStopped(_logger);
    }

    /// <summary>Stops the endpoint if it runs and releases the timer.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _transport.DisposeAsync().ConfigureAwait(false);
        _core.Dispose();
    }
}
