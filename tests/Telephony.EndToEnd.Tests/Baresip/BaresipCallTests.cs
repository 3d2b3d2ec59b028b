using System.Globalization;
using Omnichannel.EndToEnd.Tests.Support;
using Omni.Contracts.V1;
using Telephony.EndToEnd.Tests.Support;

namespace Telephony.EndToEnd.Tests.Baresip;

/// <summary>
/// baresip, a real SIP phone, calls the gateway across a veth pair between two namespaces the test made, presses 1
/// (RFC 4733 events) and the call ends up at Central. baresip refuses to run on loopback alone, hence the pair.
/// </summary>
public sealed class BaresipCallTests
{
    private const int ControlPort = 4444;

    [NamespaceFact]
    public async Task Baresip_DialsAndPresses1_CallbackRecordedAtCentral()
    {
        using var folder = new TestFolder();
        var output = new ProcessOutput(text => text.Contains(PersonalData.CallerNumber, StringComparison.Ordinal));
        await using var spaces = await NetworkNamespaces.CreateAsync();
        await using var gateway = new NamespacedGateway(spaces, folder, output);
        await gateway.StartAsync();
        await using var phone = await StartBaresipAsync(spaces, folder, output);
        await gateway.WaitForLineAsync("baresip", "baresip is ready", TimeSpan.FromSeconds(30));
        await using var control = BaresipControl.Connect(spaces.B, ControlPort);

        Assert.True(await control.SendAsync("dial", $"sip:ivr@{spaces.AddressA}:5060", TimeSpan.FromSeconds(10)));
        Assert.True(await control.WaitForEventAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(15)), output.Tail());
        Assert.True(await control.SendAsync("sndcode", "1", TimeSpan.FromSeconds(10)));
        if (!await control.WaitForEventAsync("CALL_CLOSED", TimeSpan.FromSeconds(40)))
        {
            await control.SendAsync("hangup", string.Empty, TimeSpan.FromSeconds(10));
        }

        var contact = await WaitForContactAsync(gateway);
        Assert.Equal(Dienstverleningstype.AlgemeneVraag, contact.Dienstverleningstype);
        Assert.Contains("terugbelverzoek", contact.Onderwerp, StringComparison.Ordinal);
        output.AssertNoErrors();
        Assert.DoesNotContain(
            output.Lines,
            l => l.Source != "baresip" && PersonalData.CallerNumberForms.Any(n => l.Text.Contains(n, StringComparison.Ordinal)));
    }

    private static async Task<NamespacedProcess> StartBaresipAsync(NetworkNamespaces spaces, TestFolder folder, ProcessOutput output)
    {
        var home = Directory.CreateDirectory(folder.File("baresip")).FullName;
        var audio = folder.File("caller.wav");
        await File.WriteAllBytesAsync(audio, Tone.Wave(TimeSpan.FromSeconds(90)));
        string[] config =
        [
            "module_path /usr/lib/baresip/modules",
            $"sip_listen {spaces.AddressB}:5060",
            $"net_interface {spaces.InterfaceB}",
            $"audio_source aufile,{audio}",
            $"audio_player aufile,{folder.File("heard.wav")}",
            $"audio_alert aufile,{audio}",
            "module g711.so",
            "module aufile.so",
            "module_app account.so",
            "module_app menu.so",
            "module_app ctrl_tcp.so",
            string.Create(CultureInfo.InvariantCulture, $"ctrl_tcp_listen 127.0.0.1:{ControlPort}"),
        ];
        await File.WriteAllLinesAsync(Path.Combine(home, "config"), config);
        await File.WriteAllTextAsync(
            Path.Combine(home, "accounts"), $"<sip:{PersonalData.CallerNumber}@{spaces.AddressB}>;regint=0\n");
        return NamespacedProcess.Start("baresip", spaces.B, home, output, "baresip", "-f", home);
    }

    private static async Task<Klantcontact> WaitForContactAsync(NamespacedGateway gateway)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(200))
        {
            var contacts = await gateway.TelefoonContactenAsync();
            if (contacts.Count > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System);
                return Assert.Single(await gateway.TelefoonContactenAsync());
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }

        Assert.Fail("No klantcontact reached Central:\n" + gateway.Output.Tail());
        throw new InvalidOperationException();
    }
}
