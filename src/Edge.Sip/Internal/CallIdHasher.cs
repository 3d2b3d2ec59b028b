using System.Security.Cryptography;
using System.Text;

namespace Edge.Sip.Internal;

/// <summary>A keyed hash of a Call-ID: correlates log lines of one call without revealing the Call-ID.</summary>
internal sealed class CallIdHasher
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Hash(string? callId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(callId ?? string.Empty)).AsSpan(0, 6));
}
