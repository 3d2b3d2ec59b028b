namespace Edge.Host.Telephony.Ivr;

/// <summary>What came of offering a menu.</summary>
internal enum MenuChoiceKind
{
    /// <summary>The caller pressed a digit the menu accepts.</summary>
    Chosen,

    /// <summary>No valid digit within the allowed attempts.</summary>
    NoValidInput,

    /// <summary>The caller hung up.</summary>
    CallerHungUp,
}
