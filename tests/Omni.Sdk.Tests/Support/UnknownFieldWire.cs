using Google.Protobuf;

namespace Omni.Sdk.Tests.Support;

/// <summary>
/// Messages as protobuf parses them from a newer sender: the known fields plus a field this contract does not
/// have, written on the wire and parsed back, so the parser itself keeps it as an unknown field.
/// </summary>
internal static class UnknownFieldWire
{
    public static T With<T>(T message, int fieldNumber, string value)
        where T : IMessage<T>, new()
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        message.WriteTo(output);
        output.WriteTag(fieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
        output.Flush();
        return new MessageParser<T>(() => new T()).ParseFrom(stream.ToArray());
    }
}
