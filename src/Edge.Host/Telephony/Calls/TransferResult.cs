namespace Edge.Host.Telephony.Calls;

/// <summary>How a transfer (REFER) ended.</summary>
internal enum TransferResult
{
    /// <summary>The target answered (a NOTIFY with a 2xx sipfrag, RFC 3515 §2.4.5); the caller left the IVR.</summary>
    Transferred,

    /// <summary>The REFER was refused or the target did not answer; the caller is still with the IVR.</summary>
    Failed,

    /// <summary>The caller hung up during the transfer.</summary>
    CallerHungUp,
}
