namespace Edge.Sip;

/// <summary>A DTMF digit signalled with SIP INFO (application/dtmf-relay or application/dtmf).</summary>
/// <param name="Digit">0-9, *, #, or A-D.</param>
public sealed record DigitReceived(char Digit) : CallEvent;
