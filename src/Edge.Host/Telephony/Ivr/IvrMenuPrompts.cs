namespace Edge.Host.Telephony.Ivr;

/// <summary>The prompt names of one menu, each checked to exist.</summary>
internal sealed record IvrMenuPrompts(
    string Welcome,
    string Menu,
    string Closed,
    string Invalid,
    string Goodbye,
    string CallbackConfirmed);
