namespace Central.Api.Hosting;

internal sealed partial class RestBodyLimitMiddleware
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2402, EventName = "RestBodyTooLarge", Level = LogLevel.Information,
            Message = "REST request refused with 413: the body exceeds {Limit} bytes")]
        public static partial void TooLarge(ILogger logger, int limit);
    }
}
