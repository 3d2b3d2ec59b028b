namespace Edge.Sip;

/// <summary>Who is calling, as signalled. This is personal data: never log it.</summary>
/// <param name="User">The user part (usually a number) as given; null when anonymous or absent.</param>
/// <param name="DisplayName">The display name as given; null when anonymous or absent.</param>
/// <param name="IsAnonymous">The caller asked for privacy (Privacy: id, RFC 3323) or sent an anonymous From.</param>
/// <param name="IsAsserted">The identity came in a P-Asserted-Identity from a trusted peer (RFC 3325).</param>
public sealed record CallerIdentity(string? User, string? DisplayName, bool IsAnonymous, bool IsAsserted);
