using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Central.Api.Hosting;

/// <summary>
/// An http:// URL with an IP literal and a port (0 picks a free one), or empty to leave the endpoint to the
/// Kestrel configuration section. Host names are refused so that what we bind is never a DNS answer.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ListenUrlAttribute : ValidationAttribute
{
    public ListenUrlAttribute()
        : base("The field {0} must be empty or an http URL with an IP address and a port.")
    {
    }

    public override bool IsValid(object? value) =>
        value is null || value is string text && (text.Length == 0 || TryParse(text, out _));

    public static bool TryParse(string text, out IPEndPoint endPoint)
    {
        endPoint = new IPEndPoint(IPAddress.Loopback, 0);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp
            || uri.AbsolutePath != "/" || !IPAddress.TryParse(uri.Host, out var address))
        {
            return false;
        }

        endPoint = new IPEndPoint(address, uri.Port);
        return true;
    }
}
