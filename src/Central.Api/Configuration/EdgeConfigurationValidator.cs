using System.Globalization;
using Omni.Contracts.V1;
using Omni.Contracts.Validation;

namespace Central.Api.Configuration;

/// <summary>
/// Checks an edge configuration before Central serves it: an edge caches what it gets and keeps using it
/// while Central is away, so a broken copy would outlive the fix.
/// </summary>
internal static class EdgeConfigurationValidator
{
    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#"];

    public static FieldErrors Validate(EdgeConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new FieldErrors();
        if (configuration.IvrMenu is null)
        {
            errors.Add("ivrMenu", "is required");
        }
        else
        {
            ValidateMenu(configuration.IvrMenu, errors.Under("ivrMenu"));
        }

        if (configuration.OpeningHours is null)
        {
            errors.Add("openingHours", "is required");
        }
        else
        {
            ValidateOpeningHours(configuration.OpeningHours, errors.Under("openingHours"));
        }

        ValidateDiensten(configuration, errors);
        return errors;
    }

    private static void ValidateMenu(IvrMenu menu, FieldErrors errors)
    {
        foreach (var (field, prompt) in Prompts(menu))
        {
            FieldRules.Required(errors, field, prompt, 100);
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        if (menu.CallbackDigit.Length > 0)
        {
            CheckDigit(errors, "callbackDigit", menu.CallbackDigit, used);
        }

        for (var index = 0; index < menu.Options.Count; index++)
        {
            ValidateOption(menu.Options[index], errors.Under("options", index), used);
        }

        CheckRange(errors, "maxAttempts", menu.MaxAttempts, 1, 10);
        CheckRange(errors, "inputTimeoutSeconds", menu.InputTimeoutSeconds, 1, 60);
    }

    private static IEnumerable<(string Field, string Prompt)> Prompts(IvrMenu menu) =>
    [
        ("welcomePrompt", menu.WelcomePrompt), ("menuPrompt", menu.MenuPrompt), ("closedPrompt", menu.ClosedPrompt),
        ("invalidPrompt", menu.InvalidPrompt), ("goodbyePrompt", menu.GoodbyePrompt),
        ("callbackConfirmedPrompt", menu.CallbackConfirmedPrompt),
    ];

    private static void ValidateOption(IvrOption option, FieldErrors errors, HashSet<string> used)
    {
        CheckDigit(errors, "digit", option.Digit, used);
        FieldRules.DefinedEnum(errors, "dienstverleningstype", option.Dienstverleningstype, required: true);
        FieldRules.Required(errors, "wachtrij", option.Wachtrij, 100);
        FieldRules.MaxLength(errors, "transferUri", option.TransferUri, 500);
        FieldRules.MaxLength(errors, "prompt", option.Prompt, 100);
    }

    private static void CheckDigit(FieldErrors errors, string field, string digit, HashSet<string> used)
    {
        if (!Digits.Contains(digit, StringComparer.Ordinal))
        {
            errors.Add(field, "must be one DTMF key: 0-9, * or #");
        }
        else if (!used.Add(digit))
        {
            errors.Add(field, "is already used by another menu entry");
        }
    }

    private static void ValidateOpeningHours(OpeningHours hours, FieldErrors errors)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(hours.TimeZone, out _))
        {
            errors.Add("timeZone", "is not a known IANA time zone");
        }

        for (var index = 0; index < hours.Slots.Count; index++)
        {
            ValidateSlot(hours.Slots[index], errors.Under("slots", index));
        }
    }

    private static void ValidateSlot(OpeningSlot slot, FieldErrors errors)
    {
        CheckRange(errors, "isoDayOfWeek", slot.IsoDayOfWeek, 1, 7);
        var opens = ParseTime(errors, "opens", slot.Opens);
        var closes = ParseTime(errors, "closes", slot.Closes);
        if (opens is { } open && closes is { } close && close <= open)
        {
            errors.Add("closes", "must be after opens");
        }
    }

    private static TimeOnly? ParseTime(FieldErrors errors, string field, string value)
    {
        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, "must be a local time as HH:mm");
        return null;
    }

    private static void ValidateDiensten(EdgeConfiguration configuration, FieldErrors errors)
    {
        var seen = new HashSet<Dienstverleningstype>();
        for (var index = 0; index < configuration.Diensten.Count; index++)
        {
            var dienst = configuration.Diensten[index];
            var dienstErrors = errors.Under("diensten", index);
            FieldRules.DefinedEnum(dienstErrors, "dienstverleningstype", dienst.Dienstverleningstype, required: true);
            FieldRules.Required(dienstErrors, "naam", dienst.Naam, 200);
            FieldRules.Required(dienstErrors, "wachtrij", dienst.Wachtrij, 100);
            if (!seen.Add(dienst.Dienstverleningstype))
            {
                dienstErrors.Add("dienstverleningstype", "is listed twice");
            }
        }
    }

    private static void CheckRange(FieldErrors errors, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(field, $"must be between {min} and {max}");
        }
    }
}
