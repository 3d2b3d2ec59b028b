using Central.Api.Configuration;
using Omni.Contracts.V1;

namespace Central.Api.Tests.Configuration;

public sealed class EdgeConfigurationTests : IDisposable
{
    private static readonly string[] DefaultPrompts = ["welkom", "menu", "gesloten", "ongeldig", "tot-ziens", "terugbellen-bevestigd"];
    private static readonly string[] DefaultOptions =
        ["1:AlgemeneVraag:kcc-algemeen", "2:MeldenOverlast:kcc-meldingen", "3:AanvraagFlitsproduct:burgerzaken"];

    private static readonly int[] Weekdays = [1, 2, 3, 4, 5];
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task GetConfiguration_NoKnownVersion_ReturnsTheBuiltInDefault()
    {
        await using var host = await CentralHost.StartAsync(_directory);

        var response = await host.Sync.GetConfigurationAsync(new GetConfigurationRequest { DeviceId = "ivr-gateway-1" });

        var configuration = response.Configuration;
        Assert.Equal(response.Version, configuration.Version);
        Assert.Equal(EdgeConfigurationProvider.ComputeVersion(configuration), response.Version);
        var menu = configuration.IvrMenu;
        Assert.Equal(
            DefaultPrompts,
            new[]
            {
                menu.WelcomePrompt, menu.MenuPrompt, menu.ClosedPrompt,
                menu.InvalidPrompt, menu.GoodbyePrompt, menu.CallbackConfirmedPrompt,
            });
        Assert.Equal(
            DefaultOptions,
            menu.Options.Select(o => $"{o.Digit}:{o.Dienstverleningstype}:{o.Wachtrij}"));
        Assert.Equal(("9", 3, 5), (menu.CallbackDigit, menu.MaxAttempts, menu.InputTimeoutSeconds));
        Assert.Equal("Europe/Amsterdam", configuration.OpeningHours.TimeZone);
        Assert.Equal(Weekdays, configuration.OpeningHours.Slots.Select(s => s.IsoDayOfWeek));
        Assert.All(configuration.OpeningHours.Slots, s => Assert.Equal(("08:30", "17:00"), (s.Opens, s.Closes)));
        var everyType = Enum.GetValues<Dienstverleningstype>().Where(t => t != Dienstverleningstype.Unspecified);
        Assert.Equal(everyType.Order(), configuration.Diensten.Select(d => d.Dienstverleningstype).Order());
        Assert.All(configuration.Diensten, d => Assert.NotEmpty(d.Wachtrij));
    }

    [Fact]
    public async Task GetConfiguration_KnownVersionIsCurrent_ReturnsVersionWithoutConfiguration()
    {
        await using var host = await CentralHost.StartAsync(_directory);
        var first = await host.Sync.GetConfigurationAsync(new GetConfigurationRequest());

        var second = await host.Sync.GetConfigurationAsync(new GetConfigurationRequest { KnownVersion = first.Version });
        var stale = await host.Sync.GetConfigurationAsync(new GetConfigurationRequest { KnownVersion = "old" });

        Assert.Null(second.Configuration);
        Assert.Equal(first.Version, second.Version);
        Assert.NotNull(stale.Configuration);
    }

    [Fact]
    public async Task GetConfiguration_FileConfigured_ServesTheFileWithItsOwnVersion()
    {
        string defaultVersion;
        await using (var plain = await CentralHost.StartAsync(_directory))
        {
            defaultVersion = (await plain.Sync.GetConfigurationAsync(new GetConfigurationRequest())).Version;
        }

        var file = _directory.File("edge.json");
        await File.WriteAllTextAsync(file, """
            {
              "ivrMenu": {
                "welcomePrompt": "welkom-winter", "menuPrompt": "menu", "closedPrompt": "gesloten",
                "invalidPrompt": "ongeldig", "goodbyePrompt": "tot-ziens", "callbackConfirmedPrompt": "terugbellen-bevestigd",
                "options": [{ "digit": "1", "dienstverleningstype": "algemene_vraag", "wachtrij": "kcc-algemeen" }],
                "maxAttempts": 2, "inputTimeoutSeconds": 8
              },
              "openingHours": { "timeZone": "Europe/Amsterdam", "slots": [{ "isoDayOfWeek": 1, "opens": "09:00", "closes": "12:00" }] },
              "diensten": [{ "dienstverleningstype": "algemene_vraag", "naam": "Algemene vraag", "wachtrij": "kcc-algemeen" }]
            }
            """);
        await using var host = await CentralHost.StartAsync(_directory, null, $"--Central:EdgeConfigurationFile={file}");

        var response = await host.Sync.GetConfigurationAsync(new GetConfigurationRequest());

        Assert.Equal("welkom-winter", response.Configuration.IvrMenu.WelcomePrompt);
        Assert.Equal(string.Empty, response.Configuration.IvrMenu.CallbackDigit);
        Assert.NotEqual(defaultVersion, response.Version);
    }

    [Fact]
    public async Task Start_InvalidConfigurationFile_FailsNamingEveryBrokenField()
    {
        var file = _directory.File("edge.json");
        await File.WriteAllTextAsync(file, """
            {
              "ivrMenu": { "welcomePrompt": "welkom", "menuPrompt": "menu", "closedPrompt": "gesloten", "invalidPrompt": "ongeldig",
                "goodbyePrompt": "tot-ziens", "callbackConfirmedPrompt": "x", "callbackDigit": "1",
                "options": [{ "digit": "1", "dienstverleningstype": "algemene_vraag", "wachtrij": "q" }],
                "maxAttempts": 0, "inputTimeoutSeconds": 5 },
              "openingHours": { "timeZone": "Mars/Olympus", "slots": [{ "isoDayOfWeek": 8, "opens": "17:00", "closes": "08:30" }] }
            }
            """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => CentralHost.StartAsync(_directory, null, $"--Central:EdgeConfigurationFile={file}"));

        Assert.Contains("ivrMenu.options[0].digit: is already used by another menu entry", error.Message, StringComparison.Ordinal);
        Assert.Contains("ivrMenu.maxAttempts: must be between 1 and 10", error.Message, StringComparison.Ordinal);
        Assert.Contains("openingHours.timeZone: is not a known IANA time zone", error.Message, StringComparison.Ordinal);
        Assert.Contains("openingHours.slots[0].isoDayOfWeek: must be between 1 and 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("openingHours.slots[0].closes: must be after opens", error.Message, StringComparison.Ordinal);
    }
}
