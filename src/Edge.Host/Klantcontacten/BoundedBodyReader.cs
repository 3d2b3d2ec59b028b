using Microsoft.AspNetCore.Http.Features;

namespace Edge.Host.Klantcontacten;

/// <summary>Reads a request body into memory, refusing bodies over a limit before buffering them.</summary>
internal static class BoundedBodyReader
{
    public static async Task<BodyReadResult> ReadAsync(HttpContext context, int limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit)
        {
            return BodyReadResult.Exceeded;
        }

        // Kestrel then enforces the limit on chunked bodies too, without us reading the excess.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        try
        {
            return await CopyAsync(context.Request.Body, limit, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return BodyReadResult.Exceeded;
        }
    }

    private static async Task<BodyReadResult> CopyAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit + 1];
        var length = 0;
        int read;
        while (length < buffer.Length
            && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > limit ? BodyReadResult.Exceeded : new BodyReadResult(buffer.AsMemory(0, length), false);
    }
}
