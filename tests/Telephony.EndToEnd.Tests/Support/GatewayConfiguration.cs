using System.Globalization;
using System.Text;

namespace Telephony.EndToEnd.Tests.Support;

/// <summary>
/// The edge configuration Central serves in these tests: the menu of the product default, open around the clock (so a
/// test run at night takes the menu, not the closed branch), and short timeouts so a menu without input ends soon.
/// </summary>
internal static class GatewayConfiguration
{
    public const int MaxAttempts = 2;
    public const int InputTimeoutSeconds = 2;

    public static string Json()
    {
        var slots = new StringBuilder();
        for (var day = 1; day <= 7; day++)
        {
            slots.Append(CultureInfo.InvariantCulture, $"{{\"isoDayOfWeek\":{day},\"opens\":\"00:00\",\"closes\":\"23:59\"}}");
            slots.Append(day < 7 ? "," : string.Empty);
        }

        return $$"""
            {
              "ivrMenu": {
                "welcomePrompt": "welkom", "menuPrompt": "menu", "closedPrompt": "gesloten",
                "invalidPrompt": "ongeldig", "goodbyePrompt": "tot-ziens",
                "callbackConfirmedPrompt": "terugbellen-bevestigd",
                "options": [
                  { "digit": "1", "dienstverleningstype": "algemene_vraag", "wachtrij": "kcc-algemeen" },
                  { "digit": "2", "dienstverleningstype": "melden_overlast", "wachtrij": "kcc-meldingen" }
                ],
                "callbackDigit": "9",
                "maxAttempts": {{MaxAttempts}},
                "inputTimeoutSeconds": {{InputTimeoutSeconds}}
              },
              "openingHours": { "timeZone": "Europe/Amsterdam", "slots": [{{slots}}] },
              "diensten": [
                { "dienstverleningstype": "algemene_vraag", "naam": "Algemene vraag", "wachtrij": "kcc-algemeen" },
                { "dienstverleningstype": "melden_overlast", "naam": "Overlast melden", "wachtrij": "kcc-meldingen" }
              ]
            }
            """;
    }
}
