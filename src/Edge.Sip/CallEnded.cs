namespace Edge.Sip;

/// <summary>The call is over; this is the last event.</summary>
/// <param name="Reason">Who or what ended it.</param>
public sealed record CallEnded(CallEndReason Reason) : CallEvent;
