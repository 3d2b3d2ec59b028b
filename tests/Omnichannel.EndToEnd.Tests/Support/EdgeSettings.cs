namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>How an edge process is configured; the outbox and key stay the same across its restarts.</summary>
/// <param name="DeviceId">Omni:DeviceId.</param>
/// <param name="OutboxPath">Omni:OutboxPath, an absolute path in the test folder.</param>
/// <param name="KeyFile">Omni:KeyFile, an absolute path in the test folder.</param>
/// <param name="BatchSize">Omni:BatchSize; small values make many pushes, so a kill lands mid-push.</param>
/// <param name="ExtraArguments">Appended last, so they override the defaults (the last value wins).</param>
internal sealed record EdgeSettings(
    string DeviceId, string OutboxPath, string KeyFile, int BatchSize, IReadOnlyList<string> ExtraArguments);
