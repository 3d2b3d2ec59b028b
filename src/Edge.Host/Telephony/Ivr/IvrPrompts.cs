namespace Edge.Host.Telephony.Ivr;

/// <summary>The prompt names shipped in prompts/ (made by scripts/make-prompts.sh), used where Central names none.</summary>
internal static class IvrPrompts
{
    public const string Welcome = "welkom";
    public const string Menu = "menu";
    public const string Closed = "gesloten";
    public const string Invalid = "ongeldig";
    public const string Goodbye = "tot-ziens";
    public const string CallbackConfirmed = "terugbellen-bevestigd";

    // Limitation: the next three are not in IvrMenu yet (protos/omni/v1/edge_configuration.proto), so Central
    // cannot rename them; they are the edge's own wording around the callback offer and the transfer.
    public const string CallbackOffer = "terugbellen-aanbod";
    public const string CallbackUnavailable = "terugbellen-onmogelijk";
    public const string Transferring = "doorverbinden";

    /// <summary>The prompts that must exist before the role starts.</summary>
    public static IReadOnlyList<string> Required { get; } =
    [
        Welcome, Menu, Closed, Invalid, Goodbye, CallbackConfirmed, CallbackOffer, CallbackUnavailable, Transferring,
    ];
}
