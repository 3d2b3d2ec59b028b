namespace Edge.Sip.Internal.Transactions;

/// <summary>Server transaction states (RFC 3261 §17.2, with Accepted from RFC 6026 §7.1).</summary>
internal enum ServerTransactionState
{
    Trying = 0,
    Proceeding,
    Completed,
    Confirmed,
    Accepted,
    Terminated,
}
