namespace Edge.Host.Telephony.Ivr;

/// <summary>One wait for a digit: a digit, silence until the input timeout, or a hang-up.</summary>
internal enum DigitReadKind
{
    /// <summary>A digit was pressed.</summary>
    Digit,

    /// <summary>Nothing was pressed within the input timeout.</summary>
    TimedOut,

    /// <summary>The caller hung up.</summary>
    CallerHungUp,
}
