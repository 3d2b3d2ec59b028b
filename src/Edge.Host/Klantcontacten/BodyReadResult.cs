namespace Edge.Host.Klantcontacten;

/// <summary>A request body read whole, or the reason it was not.</summary>
internal sealed record BodyReadResult(ReadOnlyMemory<byte> Body, bool TooLarge)
{
    public static BodyReadResult Exceeded { get; } = new(ReadOnlyMemory<byte>.Empty, true);
}
