using System.Security.Cryptography;

namespace Edge.Sip.Internal;

/// <summary>Unguessable tags, branches and Call-IDs (RFC 3261 §19.3: at least 32 bits of randomness).</summary>
internal static class RandomIds
{
    public static string Tag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string Branch() => Messages.ViaValue.MagicCookie + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    /// <summary>A starting SDP session version (RFC 4566 §5.2), kept small enough to increment for years.</summary>
    public static long SessionVersion() => RandomNumberGenerator.GetInt32(1, int.MaxValue);
}
