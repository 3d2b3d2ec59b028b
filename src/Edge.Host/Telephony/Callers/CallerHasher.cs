using System.Security.Cryptography;
using System.Text;

namespace Edge.Host.Telephony.Callers;

/// <summary>
/// Makes a keyed hash of a caller's number so that log lines of one caller can be correlated without the number.
/// </summary>
/// <remarks>
/// The key is random per process and never stored, so a hash cannot be reversed by trying all numbers
/// (a plain hash of a phone number can), and hashes do not link callers across restarts.
/// </remarks>
internal sealed class CallerHasher
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>Returns 16 hex characters of HMAC-SHA256 over the number, or "none" when there is no number.</summary>
    public string Hash(string? e164)
    {
        if (e164 is null)
        {
            return "none";
        }

        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(e164));
        return Convert.ToHexStringLower(mac.AsSpan(0, 8));
    }
}
