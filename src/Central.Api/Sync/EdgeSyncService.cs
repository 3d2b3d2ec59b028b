using Central.Api.Configuration;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Omni.Contracts.V1;
using Omni.Contracts.Validation;

namespace Central.Api.Sync;

/// <summary>
/// The edges' door into Central: batches of captured records in, configuration out.
/// A batch is stored in one transaction and acknowledged only after commit (durable before acknowledged).
/// </summary>
internal sealed partial class EdgeSyncService(
    ISyncStore store,
    EdgeConfigurationProvider configuration,
    WachtrijRouter router,
    TimeProvider timeProvider,
    IOptions<CentralOptions> options,
    ILogger<EdgeSyncService> logger) : EdgeSync.EdgeSyncBase
{
    public override async Task<PushBatchResponse> PushBatch(PushBatchRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (BatchShape.FindProblem(request, options.Value.MaxBatchEnvelopes) is { } problem)
        {
            Log.BatchRefused(logger, request.Envelopes.Count, problem);
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem));
        }

        var batch = EnvelopeValidator.Sort(request, timeProvider.GetUtcNow(), router);
        var result = await store.ApplyBatchAsync(batch, context.CancellationToken);
        LogOutcome(batch, result);

        // Every envelope was stored, found stored, or rejected in the committed transaction: all are handled.
        var response = new PushBatchResponse { AcknowledgedSequence = batch.LastSequence };
        response.Rejections.AddRange(batch.Rejected.Concat(result.Conflicts)
            .OrderBy(r => r.Sequence)
            .Select(r => new Rejection { RecordId = r.RecordId, Sequence = r.Sequence, Reason = r.Reason }));
        return response;
    }

    public override Task<GetConfigurationResponse> GetConfiguration(
        GetConfigurationRequest request,
        ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Limitation: every edge gets the same configuration; per-device or per-location menus need a
        // device registry, which Central does not have yet. device_id is accepted but not used.
        var current = configuration.Current;
        var response = new GetConfigurationResponse { Version = current.Version };
        if (!string.Equals(request.KnownVersion, current.Version, StringComparison.Ordinal))
        {
            response.Configuration = current;
        }

        Log.ConfigurationServed(logger, response.Configuration is not null, current.Version);
        return Task.FromResult(response);
    }

    public override Task<PingResponse> Ping(PingRequest request, ServerCallContext context) =>
        Task.FromResult(new PingResponse { ServerTime = Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow()) });

    private void LogOutcome(SyncBatch batch, SyncBatchResult result)
    {
        foreach (var rejection in batch.Rejected)
        {
            // A record id that is not a UUID could hold anything a sender typed, so it is not logged.
            var recordId = FieldRules.TryNormalizeUuid(rejection.RecordId, out var id) ? id : "(not a UUID)";
            Log.RecordRejected(logger, recordId, rejection.Sequence, rejection.Reason);
        }

        foreach (var conflict in result.Conflicts)
        {
            // Loud on both sides: the edge dead-letters the record and its health turns degraded.
            Log.RecordConflict(logger, conflict.RecordId, conflict.Sequence);
        }

        if (result.PreviousHighWater > 0 && batch.FirstSequence > result.PreviousHighWater + 1)
        {
            Log.StreamGap(logger, result.PreviousHighWater, batch.FirstSequence);
        }

        Log.BatchApplied(logger, batch.FirstSequence, batch.LastSequence, result.Stored, result.Duplicates,
            batch.Rejected.Count + result.Conflicts.Count);
    }
}
