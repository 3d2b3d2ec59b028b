namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>The edge's GET /healthz body (camelCase JSON).</summary>
internal sealed record EdgeHealth(
    string Status, long Backlog, long BacklogBytes, long DeadLetters, bool CentralReachable, bool StorageFull);
