using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Central.Api.Hosting;

/// <summary>
/// Reads a REST request body into memory, at most MaxRestBodyBytes of it, before JSON transcoding sees it. A bigger
/// body, declared or chunked, is answered 413 with an error body in the API's {code, message, details} form, instead
/// of being buffered whole (which let parallel 25 MB bodies grow the process by hundreds of megabytes) or failing as
/// a 400 that blames the JSON.
/// </summary>
internal sealed partial class RestBodyLimitMiddleware(
    RequestDelegate next,
    IOptions<CentralOptions> options,
    ILogger<RestBodyLimitMiddleware> logger)
{
    private const int ResourceExhausted = 8;

    public async Task InvokeAsync(HttpContext context)
    {
        if (GrpcRequest.Is(context.Request) || !CanHaveBody(context))
        {
            await next(context);
            return;
        }

        var limit = options.Value.MaxRestBodyBytes;
        var body = context.Request.ContentLength > limit
            ? null
            : await ReadBoundedAsync(context.Request.Body, limit, context.RequestAborted);
        if (body is null)
        {
            Log.TooLarge(logger, limit);
            await RefuseAsync(context.Response, limit);
            return;
        }

        context.Request.Body = new MemoryStream(body, 0, body.Length, writable: false, publiclyVisible: true);
        await next(context);
    }

    private static bool CanHaveBody(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static async Task RefuseAsync(HttpResponse response, int limit)
    {
        response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteNumber("code", ResourceExhausted);
        json.WriteString("message", string.Create(CultureInfo.InvariantCulture, $"body: must be at most {limit} bytes"));
        json.WriteStartArray("details");
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(response.HttpContext.RequestAborted);
    }
}
