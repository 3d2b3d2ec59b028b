namespace Edge.Sip.Internal.Media;

/// <summary>What the receiver remembers of an event it has already reported.</summary>
internal sealed class Rfc4733EventState(long lastSeen, ushort duration)
{
    public long LastSeen { get; set; } = lastSeen;

    public ushort Duration { get; set; } = duration;
}
