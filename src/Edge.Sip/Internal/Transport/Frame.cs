namespace Edge.Sip.Internal.Transport;

/// <summary>One unit cut from a TCP stream.</summary>
internal readonly record struct Frame(FrameKind Kind, byte[] Bytes);
