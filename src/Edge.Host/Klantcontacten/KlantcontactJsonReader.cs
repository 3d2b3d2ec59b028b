using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Google.Protobuf;
using Omni.Contracts.V1;

namespace Edge.Host.Klantcontacten;

/// <summary>Reads a Klantcontact from its proto3 JSON form (the same body Central's REST API takes).</summary>
internal static class KlantcontactJsonReader
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public static KlantcontactReadResult Read(ReadOnlyMemory<byte> utf8Json)
    {
        // RFC 8259 section 8.1: JSON exchanged between systems is UTF-8. JsonDocument checks this only lazily.
        if (!Utf8.IsValid(utf8Json.Span))
        {
            return KlantcontactReadResult.Invalid("body: not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            // The exception text can quote the body; only its position is passed on.
            return KlantcontactReadResult.Invalid(string.Create(
                CultureInfo.InvariantCulture,
                $"body: not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})"));
        }

        using (document)
        {
            var errors = ProtoJsonValidator.Validate(document.RootElement, Klantcontact.Descriptor);
            return errors.Count > 0 ? new KlantcontactReadResult(null, errors) : Parse(utf8Json);
        }
    }

    private static KlantcontactReadResult Parse(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            return KlantcontactReadResult.Valid(Parser.Parse<Klantcontact>(Encoding.UTF8.GetString(utf8Json.Span)));
        }
        catch (InvalidProtocolBufferException)
        {
            return KlantcontactReadResult.Invalid("body: not a valid Klantcontact");
        }
        catch (InvalidJsonException)
        {
            return KlantcontactReadResult.Invalid("body: not a valid Klantcontact");
        }
    }
}
