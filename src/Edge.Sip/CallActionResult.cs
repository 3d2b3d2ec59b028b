namespace Edge.Sip;

/// <summary>Outcome of an action on a call.</summary>
public enum CallActionResult
{
    /// <summary>Done: the response or request was sent.</summary>
    Succeeded = 0,

    /// <summary>Not possible in the call's current state (for example accepting twice).</summary>
    InvalidState,

    /// <summary>The call has already ended.</summary>
    CallEnded,

    /// <summary>The argument cannot be used (for example a status code outside 300-699).</summary>
    InvalidArgument,
}
