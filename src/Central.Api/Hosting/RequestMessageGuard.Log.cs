namespace Central.Api.Hosting;

internal sealed partial class RequestMessageGuard
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2403, EventName = "GrpcRequestMalformed", Level = LogLevel.Information,
            Message = "{Method} refused with INVALID_ARGUMENT: the {Length}-byte request is not a valid protobuf message")]
        public static partial void Malformed(ILogger logger, string method, int length);
    }
}
