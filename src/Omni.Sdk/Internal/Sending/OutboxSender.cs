using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omni.Contracts.V1;
using Omni.Sdk.Internal.Health;
using Omni.Sdk.Internal.Security;
using Omni.Sdk.Internal.Storage;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Omni.Sdk.Internal.Sending;

/// <summary>
/// Pushes committed outbox records to Central in sequence order and deletes them only after Central's
/// acknowledgement. Failed pushes are retried with exponential backoff and jitter behind a circuit breaker;
/// while backing off, a cheap Ping probes the link so that sending resumes soon after it returns (S3).
/// </summary>
internal sealed partial class OutboxSender : BackgroundService
{
    private const int WarningAttempts = 3;

    private readonly OutboxQueue _queue;
    private readonly OutboxCipher _cipher;
    private readonly EdgeSync.EdgeSyncClient _client;
    private readonly WorkSignal _signal;
    private readonly LinkState _link;
    private readonly OutboxDatabase _database;
    private readonly OutboxMetrics _metrics;
    private readonly OmniSdkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxSender> _logger;
    private readonly CircuitBreakerManualControl _circuit = new();
    private readonly ResiliencePipeline<PushAttempt> _pipeline;
    private readonly Lock _wakeLock = new();
    private CancellationTokenSource? _backoffWake;
    private int _inBackoff;
    private long _pushAttempts;

    public OutboxSender(OutboxQueue queue, OutboxCipher cipher, EdgeSync.EdgeSyncClient client, WorkSignal signal,
        LinkState link, OutboxDatabase database, OutboxMetrics metrics, IOptions<OmniSdkOptions> options,
        TimeProvider time, ILogger<OutboxSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue;
        _cipher = cipher;
        _client = client;
        _signal = signal;
        _link = link;
        _database = database;
        _metrics = metrics;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _pipeline = BuildPipeline();
    }

    /// <summary>Push calls made so far, including failed ones; lets tests show the sender does not spin.</summary>
    public long PushAttempts => Interlocked.Read(ref _pushAttempts);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _link.Running(true);
        LogStarted(_logger, _database.StreamId);
        using var probeStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var probe = RunProbeLoopAsync(probeStop.Token);
        try
        {
            await RunSendLoopAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; whatever was not acknowledged stays in the outbox for the next start.
        }
        finally
        {
            await probeStop.CancelAsync().ConfigureAwait(false);
            await probe.ConfigureAwait(false);
            _link.Running(false);
            LogStopped(_logger);
        }
    }

    private async Task RunSendLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var head = _queue.ReadHead(_options.BatchSize);
            if (head.Count == 0)
            {
                _link.Waiting(true);
                await _signal.WaitAsync(stoppingToken).ConfigureAwait(false);
                _link.Waiting(false);
                continue;
            }

            var request = BuildRequest(head);
            var attempt = await SendAsync(request, stoppingToken).ConfigureAwait(false);
            Apply(attempt.Response, head);
        }
    }

    private async Task<PushAttempt> SendAsync(PushBatchRequest request, CancellationToken stoppingToken)
    {
        while (true)
        {
            var wake = ArmWake(stoppingToken);
            try
            {
                return await _pipeline.ExecuteAsync(
                    async token => await PushOnceAsync(request, token).ConfigureAwait(false), wake.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (wake.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                // The probe saw the link come back and cut the backoff short: send again now.
                LogLinkRestored(_logger);
            }
            finally
            {
                DisarmWake(wake);
            }
        }
    }

    private async Task<PushAttempt> PushOnceAsync(PushBatchRequest request, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _inBackoff, 0);
        _link.Waiting(false);
        Interlocked.Increment(ref _pushAttempts);
        var response = await _client.PushBatchAsync(request, cancellationToken: cancellationToken).ResponseAsync
            .ConfigureAwait(false);
        _link.Reached(true);
        var progress = response.AcknowledgedSequence >= request.Envelopes[0].Sequence || response.Rejections.Count > 0;
        if (!progress)
        {
            LogAckWithoutProgress(_logger, request.Envelopes[0].Sequence, response.AcknowledgedSequence);
        }

        return new PushAttempt(response, progress);
    }

    private void Apply(PushBatchResponse response, IReadOnlyList<StoredRecord> head)
    {
        var lastSent = head[^1].Sequence;
        var acknowledged = Math.Min(response.AcknowledgedSequence, lastSent);
        var rejections = new List<RejectedRecord>();
        foreach (var rejection in response.Rejections)
        {
            if (Guid.TryParse(rejection.RecordId, out var id) && rejection.Sequence <= lastSent)
            {
                rejections.Add(new RejectedRecord(id, rejection.Sequence, rejection.Reason));
            }
        }

        var outcome = _queue.Acknowledge(acknowledged, rejections, _time.GetUtcNow());
        foreach (var dead in outcome.DeadLettered)
        {
            LogRecordDeadLettered(_logger, dead.RecordId, dead.Sequence, dead.Reason);
        }

        _metrics.Acknowledged(outcome.DeletedCount + outcome.DeadLettered.Count);
        _link.Beat();
        LogBatchAcknowledged(_logger, head.Count, acknowledged, outcome.DeletedCount);
    }

    private PushBatchRequest BuildRequest(IReadOnlyList<StoredRecord> head)
    {
        var request = new PushBatchRequest { DeviceId = _options.DeviceId, StreamId = _database.StreamId.ToString("D") };
        foreach (var record in head)
        {
            request.Envelopes.Add(ToEnvelope(record));
        }

        return request;
    }

    private Envelope ToEnvelope(StoredRecord record)
    {
        var envelope = new Envelope
        {
            RecordId = record.RecordId.ToString("D"),
            Sequence = record.Sequence,
            OccurredAt = Timestamp.FromDateTimeOffset(record.OccurredAt),
        };
        var binding = _database.BindingOf(record.RecordId, record.Sequence, record.Kind,
            record.OccurredAt.ToUnixTimeMilliseconds());
        var plaintext = _cipher.TryOpen(record.Payload, binding);
        try
        {
            SetPayload(envelope, record.Kind, plaintext);
        }
        catch (InvalidProtocolBufferException)
        {
            plaintext = null;
        }

        if (plaintext is null || envelope.PayloadCase == Envelope.PayloadOneofCase.None)
        {
            // Sent without payload rather than skipped: sequences must stay contiguous for Central's
            // acknowledgement, and Central rejects the envelope, which moves it to the dead-letter store.
            LogRecordUnreadable(_logger, record.RecordId, record.Sequence);
        }

        return envelope;
    }

    private static void SetPayload(Envelope envelope, OutboxRecordKind kind, byte[]? plaintext)
    {
        if (plaintext is null)
        {
            return;
        }

        switch (kind)
        {
            case OutboxRecordKind.Klantcontact:
                envelope.Klantcontact = Klantcontact.Parser.ParseFrom(plaintext);
                break;
            case OutboxRecordKind.InterneTaak:
                envelope.InterneTaak = InterneTaak.Parser.ParseFrom(plaintext);
                break;
        }
    }

    private async Task RunProbeLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(_options.ProbeInterval, _time, cancellationToken).ConfigureAwait(false);
                if (Volatile.Read(ref _inBackoff) == 1 && await PingAsync(cancellationToken).ConfigureAwait(false))
                {
                    await _circuit.CloseAsync(cancellationToken).ConfigureAwait(false);
                    await WakeFromBackoffAsync().ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.ProbeInterval, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _client.PingAsync(new PingRequest(), cancellationToken: linked.Token).ResponseAsync.ConfigureAwait(false);
            _link.Reached(true);
            return true;
        }
        catch (RpcException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private CancellationTokenSource ArmWake(CancellationToken stoppingToken)
    {
        var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        lock (_wakeLock)
        {
            _backoffWake = wake;
        }

        return wake;
    }

    private void DisarmWake(CancellationTokenSource wake)
    {
        lock (_wakeLock)
        {
            if (ReferenceEquals(_backoffWake, wake))
            {
                _backoffWake = null;
            }
        }

        wake.Dispose();
    }

    private async Task WakeFromBackoffAsync()
    {
        CancellationTokenSource? wake;
        lock (_wakeLock)
        {
            wake = _backoffWake;
        }

        try
        {
            if (wake is not null && Volatile.Read(ref _inBackoff) == 1)
            {
                await wake.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (ObjectDisposedException)
        {
            // The send finished on its own in the meantime.
        }
    }

    private ResiliencePipeline<PushAttempt> BuildPipeline()
    {
        var breakDuration = TimeSpan.FromTicks(Math.Clamp(_options.BackoffMax.Ticks, TimeSpan.FromSeconds(1).Ticks,
            TimeSpan.FromSeconds(30).Ticks));
        return new ResiliencePipelineBuilder<PushAttempt> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<PushAttempt>
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is BrokenCircuitException || IsFailure(args.Outcome, args.Context.CancellationToken)),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.BackoffMin,
                MaxDelay = _options.BackoffMax,
                OnRetry = OnRetryAsync,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<PushAttempt>
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is not null && IsFailure(args.Outcome, args.Context.CancellationToken)),
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = breakDuration,
                ManualControl = _circuit,
                OnOpened = args =>
                {
                    LogCircuitOpened(_logger, args.BreakDuration);
                    return default;
                },
                OnClosed = _ =>
                {
                    LogCircuitClosed(_logger);
                    return default;
                },
            })
            .AddTimeout(_options.CallTimeout)
            .Build();
    }

    /// <summary>
    /// A failed push: a gRPC or transport error, a timeout, a cancellation that is not ours (e.g. a connect
    /// timeout inside the HTTP stack), or an answer that acknowledged nothing.
    /// </summary>
    private static bool IsFailure(Outcome<PushAttempt> outcome, CancellationToken token) => outcome.Exception switch
    {
        RpcException or TimeoutRejectedException or HttpRequestException or IOException => true,
        OperationCanceledException => !token.IsCancellationRequested,
        null => outcome.Result is { MadeProgress: false },
        _ => false,
    };

    private ValueTask OnRetryAsync(OnRetryArguments<PushAttempt> args)
    {
        Volatile.Write(ref _inBackoff, 1);
        _link.Waiting(true);
        if (args.Outcome.Exception is not null and not BrokenCircuitException)
        {
            _link.Reached(false);
        }

        var reason = args.Outcome.Exception switch
        {
            RpcException rpc => rpc.StatusCode.ToString(),
            BrokenCircuitException => "CircuitOpen",
            TimeoutRejectedException => "Timeout",
            null => "NoProgress",
            var other => other.GetType().Name,
        };
        if (args.AttemptNumber < WarningAttempts)
        {
            LogPushFailed(_logger, args.AttemptNumber + 1, reason, args.RetryDelay);
        }
        else
        {
            LogPushStillFailing(_logger, args.AttemptNumber + 1, reason, args.RetryDelay);
        }

        return default;
    }
}
