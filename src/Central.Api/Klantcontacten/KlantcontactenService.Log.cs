namespace Central.Api.Klantcontacten;

internal sealed partial class KlantcontactenService
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, EventName = "KlantcontactCreated", Level = LogLevel.Debug,
            Message = "Klantcontact {Uuid} stored")]
        public static partial void Created(ILogger logger, string uuid);

        [LoggerMessage(EventId = 2102, EventName = "KlantcontactAlreadyStored", Level = LogLevel.Debug,
            Message = "Klantcontact {Uuid} was stored before with the same content; returned as stored")]
        public static partial void AlreadyStored(ILogger logger, string uuid);

        [LoggerMessage(EventId = 2103, EventName = "KlantcontactConflict", Level = LogLevel.Information,
            Message = "Klantcontact {Uuid} refused: the uuid is taken by different content")]
        public static partial void Conflict(ILogger logger, string uuid);

        [LoggerMessage(EventId = 2104, EventName = "RequestInvalid", Level = LogLevel.Information,
            Message = "{Operation} refused with {ReasonCount} validation reason(s)")]
        public static partial void Invalid(ILogger logger, string operation, int reasonCount);
    }
}
