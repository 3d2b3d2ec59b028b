using System.Globalization;
using System.Text;

namespace Edge.Sip.Internal.Sdp;

/// <summary>A session description (RFC 4566): the parts a telephony endpoint needs, parsed and written.</summary>
internal sealed class SdpDescription
{
    public string Origin { get; set; } = "- 0 0 IN IP4 127.0.0.1";

    public string SessionName { get; set; } = "-";

    /// <summary>The session-level c= address, if any.</summary>
    public string? ConnectionAddress { get; set; }

    public SdpDirection? Direction { get; set; }

    public List<SdpMedia> Media { get; } = [];

    /// <summary>Parses SDP text; returns null when it is not a usable description (no v=0, bad m= line).</summary>
    public static SdpDescription? Parse(string text)
    {
        var description = new SdpDescription();
        SdpMedia? current = null;
        var sawVersion = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length < 2 || line[1] != '=')
            {
                continue;
            }

            var value = line[2..].Trim();
            sawVersion |= line[0] == 'v' && value == "0";
            if (!description.ApplyLine(line[0], value, ref current))
            {
                return null;
            }
        }

        return sawVersion ? description : null;
    }

    private bool ApplyLine(char type, string value, ref SdpMedia? current)
    {
        switch (type)
        {
            case 'o':
                Origin = value;
                return true;
            case 's':
                SessionName = value;
                return true;
            case 'c':
                return ApplyConnection(value, current);
            case 'm':
                current = ParseMedia(value);
                if (current is null)
                {
                    return false;
                }

                Media.Add(current);
                return true;
            case 'a':
                ApplyAttribute(value, current);
                return true;
            default:
                return true;
        }
    }

    private bool ApplyConnection(string value, SdpMedia? current)
    {
        // c=IN IP4 192.0.2.1 or c=IN IP6 2001:db8::1 (RFC 4566 §5.7); a TTL suffix is dropped.
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[0] != "IN" || parts[1] is not ("IP4" or "IP6"))
        {
            return false;
        }

        var address = parts[2].Split('/')[0];
        if (current is null)
        {
            ConnectionAddress = address;
        }
        else
        {
            current.ConnectionAddress = address;
        }

        return true;
    }

    private static SdpMedia? ParseMedia(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
        {
            return null;
        }

        var portText = parts[1].Split('/')[0];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return null;
        }

        var media = new SdpMedia { Media = parts[0], Port = port, Protocol = parts[2] };
        media.Formats.AddRange(parts.Skip(3));
        return media;
    }

    private void ApplyAttribute(string value, SdpMedia? current)
    {
        var direction = ParseDirection(value);
        if (direction is not null)
        {
            if (current is null)
            {
                Direction = direction;
            }
            else
            {
                current.Direction = direction;
            }

            return;
        }

        if (current is not null && value.StartsWith("rtpmap:", StringComparison.OrdinalIgnoreCase))
        {
            AddRtpMap(current, value["rtpmap:".Length..]);
        }
        else
        {
            current?.Attributes.Add(value);
        }
    }

    private static void AddRtpMap(SdpMedia media, string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && int.TryParse(text.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var pt))
        {
            media.RtpMaps[pt] = text[(space + 1)..].Trim();
        }
    }

    private static SdpDirection? ParseDirection(string value) => value switch
    {
        "sendrecv" => SdpDirection.SendRecv,
        "sendonly" => SdpDirection.SendOnly,
        "recvonly" => SdpDirection.RecvOnly,
        "inactive" => SdpDirection.Inactive,
        _ => null,
    };

    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append("v=0\r\no=").Append(Origin).Append("\r\ns=").Append(SessionName).Append("\r\n");
        if (ConnectionAddress is not null)
        {
            builder.Append("c=").Append(ConnectionLine(ConnectionAddress)).Append("\r\n");
        }

        builder.Append("t=0 0\r\n");
        AppendDirection(builder, Direction);
        foreach (var media in Media)
        {
            AppendMedia(builder, media);
        }

        return builder.ToString();
    }

    public static string ConnectionLine(string address) =>
        (address.Contains(':', StringComparison.Ordinal) ? "IN IP6 " : "IN IP4 ") + address;

    private static void AppendMedia(StringBuilder builder, SdpMedia media)
    {
        builder.Append("m=").Append(media.Media).Append(' ')
            .Append(media.Port.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(media.Protocol);
        foreach (var format in media.Formats)
        {
            builder.Append(' ').Append(format);
        }

        builder.Append("\r\n");
        if (media.ConnectionAddress is not null)
        {
            builder.Append("c=").Append(ConnectionLine(media.ConnectionAddress)).Append("\r\n");
        }

        foreach (var (pt, map) in media.RtpMaps)
        {
            builder.Append("a=rtpmap:").Append(pt.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(map).Append("\r\n");
        }

        foreach (var attribute in media.Attributes)
        {
            builder.Append("a=").Append(attribute).Append("\r\n");
        }

        AppendDirection(builder, media.Direction);
    }

    private static void AppendDirection(StringBuilder builder, SdpDirection? direction)
    {
        if (direction is { } value)
        {
            builder.Append("a=").Append(value.ToString().ToLowerInvariant()).Append("\r\n");
        }
    }
}
