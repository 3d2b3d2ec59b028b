namespace Central.Api.Hosting;

internal sealed partial class GrpcBodyLimitMiddleware
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2401, EventName = "GrpcRequestTooLarge", Level = LogLevel.Information,
            Message = "gRPC call refused with RESOURCE_EXHAUSTED: the body declares {Length} bytes, the limit is {Limit}")]
        public static partial void TooLarge(ILogger logger, long length, long limit);
    }
}
