namespace Edge.Host.Telephony.Calls;

/// <summary>The outcome of waiting for a DTMF digit: a digit, or the caller hung up.</summary>
/// <param name="Digit">The digit 0-9, '*', '#', 'A'-'D'; '\0' when <paramref name="HungUp"/> is true.</param>
/// <param name="HungUp">Whether the caller hung up instead of pressing a digit.</param>
internal readonly record struct DigitResult(char Digit, bool HungUp)
{
    /// <summary>The caller hung up while we waited.</summary>
    public static DigitResult CallerHungUp => new('\0', true);

    /// <summary>The caller pressed a digit.</summary>
    public static DigitResult Pressed(char digit) => new(digit, false);
}
