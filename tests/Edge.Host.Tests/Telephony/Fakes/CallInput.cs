namespace Edge.Host.Tests.Telephony.Fakes;

/// <summary>One scripted caller action at a digit prompt.</summary>
internal sealed record CallInput(CallInputKind Kind, char Digit = '\0')
{
    public static CallInput Silence { get; } = new(CallInputKind.Silence);

    public static CallInput HangUp { get; } = new(CallInputKind.HangUp);

    public static CallInput Press(char digit) => new(CallInputKind.Press, digit);
}
