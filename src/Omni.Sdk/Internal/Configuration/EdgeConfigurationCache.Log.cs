using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Omni.Sdk.Internal.Configuration;

internal sealed partial class EdgeConfigurationCache
{
    [LoggerMessage(EventId = LogEvents.ConfigurationLoaded, EventName = "ConfigurationLoaded", Level = LogLevel.Information,
        Message = "Stored edge configuration {Version} loaded")]
    private static partial void LogLoaded(ILogger logger, string version);

    [LoggerMessage(EventId = LogEvents.ConfigurationUpdated, EventName = "ConfigurationUpdated", Level = LogLevel.Information,
        Message = "Edge configuration {Version} stored and in use")]
    private static partial void LogUpdated(ILogger logger, string version);

    [LoggerMessage(EventId = LogEvents.ConfigurationFetchFailed, EventName = "ConfigurationFetchFailed", Level = LogLevel.Warning,
        Message = "Fetching the edge configuration failed ({StatusCode}); serving the stored copy")]
    private static partial void LogFetchFailed(ILogger logger, StatusCode statusCode);

    [LoggerMessage(EventId = LogEvents.ConfigurationListenerFailed, EventName = "ConfigurationListenerFailed",
        Level = LogLevel.Error, Message = "A configuration change listener failed")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception);
}
