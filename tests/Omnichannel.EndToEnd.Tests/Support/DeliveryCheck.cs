using Omni.Contracts.V1;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>Compares what Central holds with what was sent: exactly once, at most once, never half-written.</summary>
internal static class DeliveryCheck
{
    /// <summary>
    /// Every confirmed uuid is at Central exactly once; every other sent uuid at most once; nothing else is there;
    /// and every stored contact equals, field by field, the one that was sent.
    /// </summary>
    public static void AssertDelivered(
        IReadOnlyList<Klantcontact> atCentral,
        IReadOnlyDictionary<string, Klantcontact> sent,
        IReadOnlyCollection<string> confirmed,
        IReadOnlyCollection<string>? alsoExpected = null)
    {
        var counts = atCentral.GroupBy(k => k.Uuid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var twice = counts.Where(pair => pair.Value > 1).Select(pair => pair.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} uuid(s) at Central twice or more, e.g. {twice.FirstOrDefault()}");

        var missing = confirmed.Concat(alsoExpected ?? []).Where(uuid => !counts.ContainsKey(uuid)).ToList();
        Assert.True(
            missing.Count == 0, $"{missing.Count} confirmed record(s) not at Central, e.g. {missing.FirstOrDefault()}");

        var unknown = counts.Keys
            .Where(uuid => !sent.ContainsKey(uuid) && !(alsoExpected?.Contains(uuid) ?? false))
            .ToList();
        Assert.True(unknown.Count == 0, $"{unknown.Count} record(s) nobody sent, e.g. {unknown.FirstOrDefault()}");

        foreach (var stored in atCentral.Where(k => sent.ContainsKey(k.Uuid)))
        {
            // Protobuf equality compares every field; the message names the uuid only, never the content.
            Assert.True(sent[stored.Uuid].Equals(stored), $"record {stored.Uuid} differs from what was sent");
        }
    }
}
