namespace Edge.Sip.Media;

/// <summary>
/// An audio prompt ready to play: 8000 Hz mono G.711 samples, one byte per sample.
/// </summary>
/// <param name="Name">A name for logs and errors (for a file, its name without extension).</param>
/// <param name="Codec">The G.711 law of <paramref name="Samples"/>.</param>
/// <param name="Samples">The G.711 codes, 8000 per second.</param>
public sealed record Prompt(string Name, CallAudioCodec Codec, ReadOnlyMemory<byte> Samples)
{
    /// <summary>The sample rate of every prompt (G.711, RFC 3551 §4.5.14).</summary>
    public const int SampleRate = 8000;

    /// <summary>How long the prompt plays.</summary>
    public TimeSpan Duration => TimeSpan.FromTicks(Samples.Length * (TimeSpan.TicksPerSecond / SampleRate));
}
