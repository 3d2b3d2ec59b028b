namespace Edge.Sip.Internal.Transactions;

/// <summary>RFC 3261 §17.1.1.1 and Table 4 timer values.</summary>
internal static class SipTimers
{
    /// <summary>RTT estimate.</summary>
    public static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses.</summary>
    public static readonly TimeSpan T2 = TimeSpan.FromSeconds(4);

    /// <summary>Maximum time a message stays in the network.</summary>
    public static readonly TimeSpan T4 = TimeSpan.FromSeconds(5);

    /// <summary>64*T1: transaction timeout (Timers B, F, H, J, L; the 2xx-without-ACK limit of §13.3.1.4).</summary>
    public static readonly TimeSpan Timeout64 = T1 * 64;

    /// <summary>Doubles a retransmit interval, capped at T2.</summary>
    public static TimeSpan Next(TimeSpan interval) => interval * 2 > T2 ? T2 : interval * 2;
}
