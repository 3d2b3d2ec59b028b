using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;

namespace Omni.Contracts.Validation;

/// <summary>Checks shared by every message Central accepts, and by the SDK that checks records before it stores them.</summary>
public static partial class FieldRules
{
    /// <summary>Nothing before this is a real contact in this product's lifetime.</summary>
    public static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Tolerated clock skew of the sender ahead of Central.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    // Protobuf Timestamp range (timestamp.proto): 0001-01-01 to 9999-12-31, nanos 0..999,999,999.
    private const long MinTimestampSeconds = -62_135_596_800;
    private const long MaxTimestampSeconds = 253_402_300_799;

    /// <summary>A UUID in the hyphenated 36-character form (any case).</summary>
    public static void Uuid(FieldErrors errors, string field, string value, bool required)
    {
        if (value.Length == 0)
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return;
        }

        if (!TryNormalizeUuid(value, out _))
        {
            errors.Add(field, "must be a UUID in 8-4-4-4-12 form");
        }
    }

    /// <summary>Accepts only the hyphenated 36-character form and returns it in lower case.</summary>
    public static bool TryNormalizeUuid(string value, out string normalized)
    {
        normalized = string.Empty;
        if (!Guid.TryParseExact(value, "D", out var guid))
        {
            return false;
        }

        normalized = guid.ToString("D");
        return true;
    }

    /// <summary>At most <paramref name="maxCharacters"/> Unicode scalar values.</summary>
    public static void MaxLength(FieldErrors errors, string field, string value, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(value);
        // Characters are Unicode scalar values, so an emoji counts once, as a person would count it.
        if (value.Length > maxCharacters && value.EnumerateRunes().Count() > maxCharacters)
        {
            errors.Add(field, $"must be at most {maxCharacters} characters");
        }
    }

    /// <summary>Not empty, and at most <paramref name="maxCharacters"/> Unicode scalar values.</summary>
    public static void Required(FieldErrors errors, string field, string value, int maxCharacters)
    {
        if (value.Length == 0)
        {
            errors.Add(field, "is required");
            return;
        }

        MaxLength(errors, field, value, maxCharacters);
    }

    /// <summary>A value the contract names; with <paramref name="required"/>, not the unspecified zero.</summary>
    public static void DefinedEnum<TEnum>(FieldErrors errors, string field, TEnum value, bool required)
        where TEnum : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value))
        {
            errors.Add(field, "is not a known value");
        }
        else if (required && EqualityComparer<TEnum>.Default.Equals(value, default))
        {
            errors.Add(field, "is required");
        }
    }

    /// <summary>
    /// A time that happened: present, valid, not before 2000, and not ahead of <paramref name="now"/> by more
    /// than the allowed clock skew.
    /// </summary>
    public static void PastTime(FieldErrors errors, string field, Timestamp? value, DateTimeOffset now, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return;
        }

        if (!IsValidTimestamp(value))
        {
            errors.Add(field, "is not a valid timestamp");
            return;
        }

        var time = value.ToDateTimeOffset();
        if (time < EarliestTime)
        {
            errors.Add(field, "must not be before 2000-01-01");
        }
        else if (time > now + MaxClockSkew)
        {
            errors.Add(field, "must not be more than 5 minutes in the future");
        }
    }

    /// <summary>Within the range timestamp.proto allows.</summary>
    public static bool IsValidTimestamp(Timestamp value) =>
        value.Seconds is >= MinTimestampSeconds and <= MaxTimestampSeconds
        && value.Nanos is >= 0 and < 1_000_000_000;

    /// <summary>E.164: a plus, a country code not starting with 0, at most 15 digits (ITU-T E.164 section 6).</summary>
    public static void E164(FieldErrors errors, string field, string value, bool required)
    {
        if (value.Length == 0)
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return;
        }

        if (!E164Pattern().IsMatch(value))
        {
            errors.Add(field, "must be an E.164 number");
        }
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164Pattern();
}
