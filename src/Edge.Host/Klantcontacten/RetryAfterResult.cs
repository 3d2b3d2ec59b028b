using System.Globalization;

namespace Edge.Host.Klantcontacten;

/// <summary>Adds a Retry-After header (RFC 9110 section 10.2.3, in delay-seconds) to another result.</summary>
internal sealed class RetryAfterResult(IResult inner, int seconds) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
