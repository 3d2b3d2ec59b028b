namespace Edge.Sip;

/// <summary>Something that happened in a call, delivered in order on <see cref="IncomingCall.Events"/>.</summary>
public abstract record CallEvent;
