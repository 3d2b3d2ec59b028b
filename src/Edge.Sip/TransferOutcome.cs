namespace Edge.Sip;

/// <summary>How a transfer (REFER, RFC 3515) ended.</summary>
public enum TransferOutcome
{
    /// <summary>The final NOTIFY reported a 2xx: the transfer target answered.</summary>
    Succeeded = 0,

    /// <summary>The REFER was refused, or the final NOTIFY reported 3xx-6xx.</summary>
    Failed,

    /// <summary>No final answer in time.</summary>
    TimedOut,

    /// <summary>The call ended or was not in a state that allows a transfer.</summary>
    NotPossible,
}
