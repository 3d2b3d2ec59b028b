using System.Globalization;
using System.Text;

namespace Edge.Sip.Internal.Messages;

/// <summary>Writes a message to bytes; Content-Length always states the body size in bytes (RFC 3261 §20.14).</summary>
internal static class SipSerializer
{
    public static byte[] Serialize(SipMessage message)
    {
        var builder = new StringBuilder(512);
        if (message.IsRequest)
        {
            builder.Append(message.Method).Append(' ').Append(message.RequestUri).Append(' ').Append(message.Version);
        }
        else
        {
            builder.Append(message.Version).Append(' ')
                .Append(message.StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(message.ReasonPhrase);
        }

        builder.Append("\r\n");
        foreach (var header in message.Headers)
        {
            if (!string.Equals(header.Name, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                builder.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
            }
        }

        builder.Append(HeaderNames.ContentLength).Append(": ")
            .Append(message.Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        var head = Encoding.UTF8.GetBytes(builder.ToString());
        var result = new byte[head.Length + message.Body.Length];
        head.CopyTo(result, 0);
        message.Body.CopyTo(result, head.Length);
        return result;
    }
}
