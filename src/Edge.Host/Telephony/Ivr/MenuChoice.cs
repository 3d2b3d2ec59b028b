namespace Edge.Host.Telephony.Ivr;

/// <summary>The result of offering a menu: a valid digit, no valid digit within the attempts, or a hang-up.</summary>
/// <param name="Digit">The chosen digit; '\0' unless <see cref="Chosen"/>.</param>
/// <param name="Kind">What happened.</param>
internal readonly record struct MenuChoice(char Digit, MenuChoiceKind Kind)
{
    public bool Chosen => Kind == MenuChoiceKind.Chosen;

    public static MenuChoice None => new('\0', MenuChoiceKind.NoValidInput);

    public static MenuChoice HungUp => new('\0', MenuChoiceKind.CallerHungUp);
}
