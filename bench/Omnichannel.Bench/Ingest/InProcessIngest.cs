using System.Diagnostics;
using Central.Api.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Omnichannel.Bench.Ingest;

/// <summary>
/// PushBatch's work without gRPC: the envelope validator and the sync store of a running Central, called
/// directly, with the time of each part added up.
/// </summary>
internal sealed class InProcessIngest(CentralIngestHost host, IngestData data)
{
    private readonly ISyncStore _store = host.Services.GetRequiredService<ISyncStore>();
    private readonly WachtrijRouter _router = host.Services.GetRequiredService<WachtrijRouter>();
    private long _validationTicks;
    private long _storageTicks;

    public TimeSpan Validation => Stopwatch.GetElapsedTime(0, _validationTicks);

    public TimeSpan Storage => Stopwatch.GetElapsedTime(0, _storageTicks);

    public async Task StoreAsync(int index)
    {
        var start = Stopwatch.GetTimestamp();
        var batch = EnvelopeValidator.Sort(data.Batches[index], TimeProvider.System.GetUtcNow(), _router);
        var sorted = Stopwatch.GetTimestamp();
        var result = await _store.ApplyBatchAsync(batch, CancellationToken.None);
        _validationTicks += sorted - start;
        _storageTicks += Stopwatch.GetTimestamp() - sorted;
        if (batch.Rejected.Count > 0 || result.Stored != batch.Accepted.Count)
        {
            throw new InvalidOperationException(
                $"Batch {index} was not stored whole: the benchmark data should all be new.");
        }
    }
}
