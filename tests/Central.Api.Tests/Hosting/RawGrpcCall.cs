using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace Central.Api.Tests.Hosting;

/// <summary>
/// Sends hand-built gRPC bodies over h2c, which a generated client cannot: bytes that are not a valid message, or a
/// body that declares its Content-Length. Reads grpc-status from the trailers, or from the headers of a
/// Trailers-Only response.
/// </summary>
internal static class RawGrpcCall
{
    /// <summary>The 5-byte gRPC frame prefix (uncompressed, big-endian length) followed by the message.</summary>
    public static byte[] Frame(byte[] message)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    public static async Task<string?> SendAsync(Uri grpcAddress, string method, HttpContent body)
    {
        using var client = new HttpClient();
        body.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(grpcAddress, method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = body,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return Status(response.TrailingHeaders) ?? Status(response.Headers);
    }

    private static string? Status(HttpHeaders headers) =>
        headers.TryGetValues("grpc-status", out var values) ? values.Single() : null;
}
