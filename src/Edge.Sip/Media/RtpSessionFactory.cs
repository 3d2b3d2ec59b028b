using System.Net;
using System.Net.Sockets;
using Edge.Sip.Internal.Media;
using Microsoft.Extensions.Logging;

namespace Edge.Sip.Media;

/// <summary>
/// Creates the RTP sessions of the gateway: takes an even port from the configured range, binds it, and paces every
/// session's frames from one shared timer. One instance per process; dispose it at shutdown, after the sessions.
/// </summary>
public sealed partial class RtpSessionFactory : IAsyncDisposable
{
    private readonly RtpOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ILogger _sessionLogger;
    private readonly RtpPortAllocator _ports;
    private readonly RtpPacer _pacer;

    /// <summary>Creates the factory and starts the shared pacer.</summary>
    /// <param name="options">The RTP settings; validated here, every problem reported at once.</param>
    /// <param name="timeProvider">The clock that paces the frames. With <see cref="TimeProvider.System"/> the frames
    /// are sent from a dedicated thread (raised to nice -10 on Linux when allowed); with any other clock, from that
    /// clock's timers.</param>
    /// <param name="loggerFactory">Creates the loggers.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public RtpSessionFactory(RtpOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _options = options;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<RtpSessionFactory>();
        _sessionLogger = loggerFactory.CreateLogger<RtpSession>();
        _ports = new RtpPortAllocator(options.FirstPort, options.LastPort);
        var collector = options.PacerCollectionThreshold > 0
            ? new PacerCollector(options.PacerCollectionThreshold, RuntimeManagedHeap.Instance)
            : null;
        _pacer = new RtpPacer(timeProvider, options.PacerInterval, _logger, collector);
    }

    /// <summary>How many RTP ports the range holds.</summary>
    public int PortCapacity => _ports.Capacity;

    /// <summary>How many ports are held by open sessions.</summary>
    public int PortsInUse => _ports.InUse;

    /// <summary>Creates a session on a free port of the range.</summary>
    /// <returns>The session, or <see cref="RtpSessionError.PortRangeExhausted"/> when no port is free.</returns>
    public RtpSessionResult CreateSession()
    {
        for (var attempt = 0; attempt < _ports.Capacity; attempt++)
        {
            if (!_ports.TryAcquire(out var port))
            {
                break;
            }

            var socket = TryBind(port);
            if (socket is null)
            {
                _ports.Release(port);
                continue;
            }

            var transport = new UdpRtpTransport(socket, () => _ports.Release(port), _sessionLogger);
            Log.SessionCreated(_logger, port);
            return RtpSessionResult.Success(CreateSession(transport));
        }

        Log.PortRangeExhausted(_logger, _ports.Capacity);
        return RtpSessionResult.Failure(RtpSessionError.PortRangeExhausted);
    }

    /// <summary>Stops the shared pacer. Dispose the sessions first.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        _pacer.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The shared pacer, for tests that drive or inspect it.</summary>
    internal RtpPacer Pacer => _pacer;

    internal RtpSession CreateSession(IRtpTransport transport)
    {
        var session = new RtpSession(
            transport, _options, _timeProvider, _sessionLogger, s => _pacer.Remove(s.Outbound));
        _pacer.Add(session.Outbound);
        return session;
    }

    private Socket? TryBind(int port)
    {
        var socket = new Socket(_options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(_options.BindAddress, port));
            return socket;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            // Another program holds this port; skip it and take the next one.
            socket.Dispose();
            Log.PortInUse(_logger, port);
            return null;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
