using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Central.Api.Hosting;

/// <summary>
/// Gives a native gRPC request a body limit of one message of MaxReceiveMessageBytes plus its 5-byte frame
/// prefix (gRPC over HTTP/2, "Length-Prefixed-Message"), instead of the REST limit Kestrel applies to
/// everything else. gRPC itself answers RESOURCE_EXHAUSTED when a frame announces a bigger message; a request
/// that declares a bigger Content-Length gets the same status here, before a byte of it is read.
/// </summary>
internal sealed partial class GrpcBodyLimitMiddleware(
    RequestDelegate next,
    IOptions<CentralOptions> options,
    ILogger<GrpcBodyLimitMiddleware> logger)
{
    private const int FramePrefixBytes = 5;

    private const string ResourceExhausted = "8";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!GrpcRequest.Is(context.Request))
        {
            await next(context);
            return;
        }

        long limit = options.Value.MaxReceiveMessageBytes + FramePrefixBytes;
        if (context.Request.ContentLength > limit)
        {
            Log.TooLarge(logger, context.Request.ContentLength.Value, limit);
            await RefuseAsync(context.Response, options.Value.MaxReceiveMessageBytes);
            return;
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        await next(context);
    }

    // A Trailers-Only response: the status travels in the headers and there is no body.
    private static Task RefuseAsync(HttpResponse response, int maxMessageBytes)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ResourceExhausted;
        response.Headers["grpc-message"] = string.Create(
            CultureInfo.InvariantCulture, $"request: a message must be at most {maxMessageBytes} bytes");
        return response.CompleteAsync();
    }
}
