using System.Text.RegularExpressions;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>Fails the test when any captured process line holds personal data seeded into it.</summary>
internal static partial class PersonalDataGuard
{
    private const int PhoneDigitCount = 11;

    public static void AssertClean(ProcessOutput output, SeededContacts seeded)
    {
        Assert.NotEmpty(output.Lines);
        foreach (var line in output.Lines)
        {
            // The message names the source only: repeating the line would put the data in the test output.
            Assert.False(
                line.Text.Contains(seeded.Marker, StringComparison.OrdinalIgnoreCase),
                $"a line of {line.Source} contains seeded inhoud or a name");
            Assert.False(ContainsPhone(line.Text, seeded), $"a line of {line.Source} contains a seeded phone number");
        }
    }

    /// <summary>Whether the text holds the seeded marker (inhoud, names) or a seeded phone number.</summary>
    public static bool Holds(string text, SeededContacts seeded) =>
        text.Contains(seeded.Marker, StringComparison.OrdinalIgnoreCase) || ContainsPhone(text, seeded);

    private static bool ContainsPhone(string text, SeededContacts seeded)
    {
        // Separators a formatter might put in a number ("+31 6-1234 5678") are dropped first.
        var compact = Separators().Replace(text, string.Empty);
        foreach (Match run in DigitRun().Matches(compact))
        {
            for (var start = 0; start + PhoneDigitCount <= run.Length; start++)
            {
                if (seeded.PhoneDigits.ContainsKey(run.Value.Substring(start, PhoneDigitCount)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex("[0-9]{11,}", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"[\s\-().]", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
