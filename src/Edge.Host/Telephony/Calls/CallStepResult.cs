namespace Edge.Host.Telephony.Calls;

/// <summary>How one step of a call (playing a prompt) ended.</summary>
internal enum CallStepResult
{
    /// <summary>The step ran to its end.</summary>
    Completed,

    /// <summary>The caller hung up before or during the step.</summary>
    CallerHungUp,
}
