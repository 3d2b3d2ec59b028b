using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Central.Api.Hosting;

/// <summary>
/// Keeps request values out of REST error bodies. Central's own reasons name fields only, but JSON
/// transcoding rejects unparsable input (a malformed timestamp, an unknown enum name, broken JSON) with
/// messages that quote the value, which may be personal data. Those bodies are replaced by a neutral one.
/// </summary>
internal sealed class ValueRedactionMiddleware(RequestDelegate next)
{
    private const string RestPrefix = "/api";

    private static readonly byte[] NeutralBody = Encoding.UTF8.GetBytes(
        """
        {"code":3,"message":"request: a field has a value of the wrong type or format for the contract","details":[]}
        """.Trim());

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(RestPrefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var guard = new ValueRedactingStream(original.Stream, context);
        var guarded = new StreamResponseBodyFeature(guard, original);
        context.Features.Set<IHttpResponseBodyFeature>(guarded);
        try
        {
            await next(context);
            await guarded.CompleteAsync();
            if (guard.Suppressed)
            {
                await original.Stream.WriteAsync(NeutralBody, context.RequestAborted);
            }
        }
        finally
        {
            context.Features.Set(original);
        }
    }
}
