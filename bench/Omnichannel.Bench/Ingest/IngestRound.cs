using Omnichannel.Bench.Harness;

namespace Omnichannel.Bench.Ingest;

/// <summary>
/// One round of benchmark (3): the same batches through each path, interleaved batch by batch. Validation and
/// Storage split the in-process path's time.
/// </summary>
internal sealed record IngestRound(
    RunResult Reference,
    RunResult Grpc,
    RunResult InProcess,
    RunResult DesignFloor,
    TimeSpan Validation,
    TimeSpan Storage);
