namespace Central.Api.Hosting;

/// <summary>Tells a native gRPC call (content type application/grpc, +proto or other suffixes) from REST.</summary>
internal static class GrpcRequest
{
    public static bool Is(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) ?? false;
}
