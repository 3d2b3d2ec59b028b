using Omni.Contracts.V1;

namespace Central.Api.Sync;

/// <summary>
/// The rules a batch as a whole must meet before any record is looked at. A batch that breaks one is
/// refused entirely (INVALID_ARGUMENT): acknowledging part of a malformed stream could lose records.
/// </summary>
internal static class BatchShape
{
    private const int MaxIdLength = 100;

    /// <summary>The problem with the batch, or null when it is well formed.</summary>
    public static string? FindProblem(PushBatchRequest request, int maxEnvelopes)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CheckId("device_id", request.DeviceId)
            ?? CheckId("stream_id", request.StreamId)
            ?? CheckEnvelopeCount(request.Envelopes.Count, maxEnvelopes)
            ?? CheckSequences(request);
    }

    private static string? CheckId(string field, string value) => value.Length switch
    {
        0 => $"{field} is required",
        > MaxIdLength => $"{field} must be at most {MaxIdLength} characters",
        _ => null,
    };

    private static string? CheckEnvelopeCount(int count, int maxEnvelopes) => count switch
    {
        0 => "envelopes must not be empty",
        _ when count > maxEnvelopes => $"envelopes must hold at most {maxEnvelopes} items",
        _ => null,
    };

    private static string? CheckSequences(PushBatchRequest request)
    {
        var envelopes = request.Envelopes;
        if (envelopes[0].Sequence < 1)
        {
            return "envelopes[0].sequence must be at least 1";
        }

        for (var index = 1; index < envelopes.Count; index++)
        {
            if (envelopes[index].Sequence != envelopes[index - 1].Sequence + 1)
            {
                return $"envelopes[{index}].sequence must follow envelopes[{index - 1}].sequence by exactly 1 " +
                    "(sorted, contiguous)";
            }
        }

        return null;
    }
}
