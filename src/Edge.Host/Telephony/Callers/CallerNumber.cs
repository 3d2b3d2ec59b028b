namespace Edge.Host.Telephony.Callers;

/// <summary>The caller's number in E.164 (personal data: never log it), or none.</summary>
/// <param name="E164">The number, e.g. "+31201234567"; null when withheld, anonymous or unusable.</param>
/// <param name="Source">Which header it came from.</param>
internal sealed record CallerNumber(string? E164, CallerNumberSource Source)
{
    /// <summary>No usable number: anonymous, withheld or not a phone number.</summary>
    public static CallerNumber Withheld { get; } = new(null, CallerNumberSource.None);

    /// <summary>Whether a number is known, so a callback can be offered.</summary>
    public bool IsKnown => E164 is not null;
}
