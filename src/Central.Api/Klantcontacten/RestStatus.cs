using Central.Api.Hosting;
using Grpc.Core;

namespace Central.Api.Klantcontacten;

/// <summary>
/// HTTP details that only a REST caller sees. JSON transcoding answers every success with 200; a create that stored
/// something new answers 201 Created with its Location, as REST clients expect, while a replay keeps 200. A native
/// gRPC call is left alone: its HTTP status must stay 200. Transcoding sets its 200 after the handler returned, so
/// the status is changed just before the response starts.
/// </summary>
internal static class RestStatus
{
    public static void MarkCreated(ServerCallContext context, string location)
    {
        var http = context.GetHttpContext();
        if (GrpcRequest.Is(http.Request))
        {
            return;
        }

        http.Response.OnStarting(() =>
        {
            if (http.Response.StatusCode == StatusCodes.Status200OK)
            {
                http.Response.StatusCode = StatusCodes.Status201Created;
                http.Response.Headers.Location = location;
            }

            return Task.CompletedTask;
        });
    }
}
