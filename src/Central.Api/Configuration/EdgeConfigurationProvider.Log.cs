namespace Central.Api.Configuration;

internal sealed partial class EdgeConfigurationProvider
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2201, EventName = "EdgeConfigurationLoaded", Level = LogLevel.Information,
            Message = "Edge configuration loaded from {Source}, version {Version}")]
        public static partial void ConfigurationLoaded(ILogger logger, string source, string version);
    }
}
