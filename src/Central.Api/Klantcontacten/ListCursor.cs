using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Central.Api.Klantcontacten;

/// <summary>
/// A position in the register's arrival sequence. Forward reads rows with seq strictly greater than
/// <see cref="Sequence"/>, backward reads rows strictly smaller, so rows that share a timestamp can never
/// repeat or be skipped (case S7). Clients see it as an opaque base64url token.
/// </summary>
internal sealed record ListCursor(bool Forward, long Sequence)
{
    private const int MaxTokenLength = 64;

    public string ToToken() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{(Forward ? 'n' : 'p')}:{Sequence}")));

    public static bool TryParse(string token, out ListCursor? cursor)
    {
        cursor = null;
        if (token.Length is 0 or > MaxTokenLength || !Base64Url.IsValid(token))
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token));
        if (text.Length < 3 || text[1] != ':' || text[0] is not ('n' or 'p')
            || !long.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        cursor = new ListCursor(text[0] == 'n', sequence);
        return true;
    }
}
