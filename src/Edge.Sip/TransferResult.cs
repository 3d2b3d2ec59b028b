namespace Edge.Sip;

/// <summary>The result of a transfer.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="StatusCode">The REFER's final status when refused, else the status in the last NOTIFY (0 if none).</param>
public sealed record TransferResult(TransferOutcome Outcome, int StatusCode);
