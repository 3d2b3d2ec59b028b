namespace Edge.Host.Tests.Telephony.Fakes;

internal enum CallInputKind
{
    Press,
    Silence,
    HangUp,
}
