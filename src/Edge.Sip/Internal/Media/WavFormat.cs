namespace Edge.Sip.Internal.Media;

/// <summary>What the WAV parser found: the codec and where the samples are, or why the file is rejected.</summary>
/// <param name="Codec">The G.711 law of the samples.</param>
/// <param name="DataOffset">Offset of the first sample byte in the file.</param>
/// <param name="DataLength">Number of sample bytes.</param>
/// <param name="Error">The reason for rejection, or null when accepted.</param>
internal readonly record struct WavFormat(
    CallAudioCodec Codec,
    int DataOffset,
    int DataLength,
    string? Error)
{
    public static WavFormat Reject(string reason) => new(CallAudioCodec.Pcmu, 0, 0, reason);
}
