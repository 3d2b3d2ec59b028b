using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Edge.Host.Klantcontacten;

/// <summary>
/// Checks a JSON document against a protobuf message shape (the proto3 JSON mapping) before Google.Protobuf parses
/// it, so that every error names the field path and none repeats a value: JsonParser's own messages quote the
/// offending value, which may be personal data.
/// </summary>
internal sealed class ProtoJsonValidator
{
    private const int MaxErrors = 20;
    private const int MaxShownNameLength = 64;
    private const string NotUnicodeValue = "must be valid Unicode (a \\u escape names a lone surrogate)";
    private const string NotUnicodeName = "a field name is not valid Unicode (a \\u escape names a lone surrogate)";

    private readonly List<string> _errors = [];

    private ProtoJsonValidator()
    {
    }

    public static IReadOnlyList<string> Validate(JsonElement root, MessageDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var validator = new ProtoJsonValidator();
        if (root.ValueKind != JsonValueKind.Object)
        {
            validator.Add("body", "must be a JSON object");
        }
        else
        {
            validator.CheckMessage(root, descriptor, string.Empty);
        }

        return validator._errors;
    }

    private void CheckMessage(JsonElement json, MessageDescriptor descriptor, string path)
    {
        var seen = new HashSet<int>();
        foreach (var property in json.EnumerateObject())
        {
            var name = NameOf(property);
            var field = name is null ? null : FindField(descriptor, name);
            if (name is null)
            {
                Add(path.Length == 0 ? "body" : path, NotUnicodeName);
            }
            else if (field is null)
            {
                Add(Join(path, Shown(name)), "unknown field");
            }
            else if (!seen.Add(field.FieldNumber))
            {
                Add(Join(path, field.JsonName), "given more than once");
            }
            else
            {
                CheckField(property.Value, field, Join(path, field.JsonName));
            }
        }
    }

    private void CheckField(JsonElement value, FieldDescriptor field, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (field.IsMap)
        {
            // Limitation: map fields are left to JsonParser (generic error); no contract this host accepts has one.
            if (value.ValueKind != JsonValueKind.Object)
            {
                Add(path, "must be a JSON object");
            }

            return;
        }

        if (!field.IsRepeated)
        {
            CheckSingle(value, field, path);
            return;
        }

        CheckRepeated(value, field, path);
    }

    private void CheckRepeated(JsonElement value, FieldDescriptor field, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Add(path, "must be a JSON array");
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
            if (item.ValueKind == JsonValueKind.Null)
            {
                Add(itemPath, "must not be null");
            }
            else
            {
                CheckSingle(item, field, itemPath);
            }

            index++;
        }
    }

    private void CheckSingle(JsonElement value, FieldDescriptor field, string path)
    {
        if (value.ValueKind == JsonValueKind.String && !IsUnicodeText(value))
        {
            Add(path, NotUnicodeValue);
            return;
        }

        var problem = field.FieldType switch
        {
            FieldType.String => Expect(value.ValueKind == JsonValueKind.String, "must be a string"),
            FieldType.Bool => Expect(value.ValueKind is JsonValueKind.True or JsonValueKind.False, "must be true or false"),
            FieldType.Bytes => Expect(IsBase64(value), "must be a base64 string"),
            FieldType.Enum => CheckEnum(value, field.EnumType),
            FieldType.Message => null,
            FieldType.Float or FieldType.Double => Expect(IsFloatingPoint(value), "must be a number"),
            _ => Expect(IsInteger(value, field.FieldType), "must be an integer in range"),
        };
        if (problem is not null)
        {
            Add(path, problem);
        }
        else if (field.FieldType == FieldType.Message)
        {
            CheckNestedMessage(value, field.MessageType, path);
        }
    }

    private void CheckNestedMessage(JsonElement value, MessageDescriptor descriptor, string path)
    {
        if (descriptor.FullName == Timestamp.Descriptor.FullName)
        {
            if (!IsTimestamp(value))
            {
                Add(path, "must be an RFC 3339 UTC timestamp string such as 2026-01-31T09:30:00Z");
            }

            return;
        }

        if (descriptor.File.Package == "google.protobuf")
        {
            // Limitation: other well-known types have special JSON forms; JsonParser checks them (generic error).
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(path, "must be a JSON object");
            return;
        }

        CheckMessage(value, descriptor, path);
    }

    private static string? CheckEnum(JsonElement value, EnumDescriptor enumType)
    {
        var known = value.ValueKind switch
        {
            JsonValueKind.String => enumType.FindValueByName(value.GetString()!) is not null,
            JsonValueKind.Number => value.TryGetInt32(out var number) && enumType.FindValueByNumber(number) is not null,
            _ => false,
        };
        return known ? null : "must be one of the names of enum " + enumType.Name;
    }

    private static bool IsInteger(JsonElement value, FieldType type)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
        if (text is null)
        {
            return false;
        }

        return type switch
        {
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.TryParse(text, CultureInfo.InvariantCulture, out _),
            FieldType.UInt32 or FieldType.Fixed32 => uint.TryParse(text, CultureInfo.InvariantCulture, out _),
            FieldType.UInt64 or FieldType.Fixed64 => ulong.TryParse(text, CultureInfo.InvariantCulture, out _),
            _ => long.TryParse(text, CultureInfo.InvariantCulture, out _),
        };
    }

    private static bool IsFloatingPoint(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => true,
        JsonValueKind.String => value.GetString() is "NaN" or "Infinity" or "-Infinity"
            || double.TryParse(value.GetString(), CultureInfo.InvariantCulture, out _),
        _ => false,
    };

    private static bool IsBase64(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out _);

    private static bool IsTimestamp(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            JsonParser.Default.Parse<Timestamp>(value.GetRawText());
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
        catch (InvalidJsonException)
        {
            return false;
        }
    }

    // RFC 8259 section 8.2: a \u escape can name a lone surrogate, which is not Unicode text. JsonDocument
    // accepts it and throws only when the string is read, so each read that the caller's text reaches is guarded.
    private static bool IsUnicodeText(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static FieldDescriptor? FindField(MessageDescriptor descriptor, string name) =>
        descriptor.FindFieldByName(name)
        ?? descriptor.Fields.InDeclarationOrder().FirstOrDefault(field => field.JsonName == name);

    private static string? Expect(bool condition, string problem) => condition ? null : problem;

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    // An unknown key is the caller's own text: shown back to them only, shortened and without control characters.
    private static string Shown(string name)
    {
        var clean = new string([.. name.Take(MaxShownNameLength).Select(c => char.IsControl(c) ? '?' : c)]);
        return name.Length > MaxShownNameLength ? clean + "…" : clean;
    }

    private void Add(string path, string problem)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(path + ": " + problem);
        }
    }
}
