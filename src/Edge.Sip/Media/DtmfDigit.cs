namespace Edge.Sip.Media;

/// <summary>One DTMF key press.</summary>
/// <param name="Digit">0–9, *, #, or A–D.</param>
/// <param name="Source">How the digit arrived.</param>
/// <param name="ReceivedAt">When the first packet or request of the key press arrived.</param>
public sealed record DtmfDigit(char Digit, DtmfSource Source, DateTimeOffset ReceivedAt);
