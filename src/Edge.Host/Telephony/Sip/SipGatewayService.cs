using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using Edge.Sip;
using Edge.Sip.Media;
using Microsoft.Extensions.Options;

namespace Edge.Host.Telephony.Sip;

/// <summary>
/// The telephony gateway: binds the SIP listener and the RTP range from <see cref="TelephonyOptions"/>, and runs
/// every offered call through <see cref="SipCallRunner"/>. On stop, calls in progress are ended (BYE, or 503 while
/// ringing) and recorded before the host exits.
/// </summary>
internal sealed partial class SipGatewayService : BackgroundService
{
    // Inside the host's shutdown timeout (EdgeApplication, 20 s): the IVR records each call within its own bounds.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    private readonly TelephonyOptions _options;
    private readonly SipCallRunner _runner;
    private readonly PromptLibrary _prompts;
    private readonly SipGatewayState _state;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<SipGatewayService> _logger;
    private readonly ConcurrentDictionary<Task, byte> _calls = new();
    private SipEndpoint? _endpoint;
    private RtpSessionFactory? _media;

    public SipGatewayService(
        IOptions<TelephonyOptions> options,
        SipCallRunner runner,
        PromptLibrary prompts,
        SipGatewayState state,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _runner = runner;
        _prompts = prompts;
        _state = state;
        _time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SipGatewayService>();
    }

    /// <summary>Where the listener is bound, once started (port 0 in tests becomes the real port).</summary>
    public System.Net.IPEndPoint? LocalEndPoint => _endpoint?.LocalEndPoint;

    /// <summary>Loads the prompts and binds SIP and the RTP pacer before the host reports started.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _prompts.LoadAsync(cancellationToken);
        _media = new RtpSessionFactory(SipStackOptions.ToRtpOptions(_options), _time, _loggerFactory);
        _endpoint = new SipEndpoint(SipStackOptions.ToSipOptions(_options), _time, _loggerFactory);
        try
        {
            await _endpoint.StartAsync(cancellationToken);
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{_options.SipListenAddress}:{_options.SipListenPort}");
            throw new IOException(
                $"SIP port {where} (Telephony:SipListenAddress, Telephony:SipListenPort) is already in use.", exception);
        }

        _state.Listening();
        LogListening(_endpoint.LocalEndPoint.Port, _media.PortCapacity, _options.MaxConcurrentCalls);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Cancels the accept loop and every IVR first, so calls end as broken off (not as hung up by the caller).
        await base.StopAsync(cancellationToken);
        _state.Stopped();
        if (_endpoint is not null)
        {
            await _endpoint.StopAsync(cancellationToken);
        }

        await DrainAsync(cancellationToken);
        if (_endpoint is not null)
        {
            await _endpoint.DisposeAsync();
        }

        if (_media is not null)
        {
            await _media.DisposeAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var endpoint = _endpoint ?? throw new InvalidOperationException("The gateway was not started.");
        var media = _media ?? throw new InvalidOperationException("The gateway was not started.");
        try
        {
            await foreach (var call in endpoint.IncomingCalls.ReadAllAsync(stoppingToken))
            {
                Track(_runner.RunAsync(call, media, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _state.Stopped();
        }
    }

    private void Track(Task call)
    {
        _calls[call] = 0;
        _ = call.ContinueWith(done => _calls.TryRemove(done, out _), TaskScheduler.Default);
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var running = _calls.Keys.ToArray();
        if (running.Length == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(DrainTimeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogDrainTimedOut(_calls.Count, DrainTimeout);
        }
    }
}
