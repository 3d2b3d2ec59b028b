using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Omni.Contracts.V1;
using Omnichannel.EndToEnd.Tests.Support;
using Telephony.EndToEnd.Tests.Support;

namespace Telephony.EndToEnd.Tests;

/// <summary>
/// The README's first command and issue 3's "done when": with <c>./run.sh</c> up (the built Release binaries, on free
/// loopback ports), <c>sipp -sn uac_pcap</c> pressing 1 takes the menu path, and the klantcontact appears in
/// Central's <c>GET /api/v1/klantcontacten?kanaal=telefoon</c>, at whatever hour the test runs.
/// </summary>
public sealed class RunScriptTests
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ArrivalLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task RunSh_UacPcapPressing1_MenuPathListedAtCentral()
    {
        Sipp.AssertInstalled();
        using var folder = new TestFolder();
        var centralHttp = FreePort.Next();
        var sip = FreePort.Next();
        using var runSh = Start(folder.File("data"), centralHttp, sip);
        var output = new ConcurrentQueue<string>();
        runSh.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        runSh.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        runSh.BeginOutputReadLine();
        runSh.BeginErrorReadLine();
        try
        {
            await WaitForBannerAsync(runSh, output);

            var run = await Sipp.RunAsync(
                "uac_pcap", sip, SippPcapFolder.Create(folder.Path), [], TimeSpan.FromSeconds(60));

            Assert.True(run.AllCallsSucceeded, run.Output + string.Join('\n', output));
            var contact = Assert.Single(await WaitForTelefoonContactsAsync(centralHttp));
            Assert.Equal(Dienstverleningstype.AlgemeneVraag, contact.Dienstverleningstype);
            Assert.Contains("1 algemene_vraag", contact.Inhoud, StringComparison.Ordinal);
        }
        finally
        {
            await StopAsync(runSh);
        }
    }

    private static Process Start(string data, int centralHttp, int sip)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(ProductPaths.Root, "run.sh"));
        start.Environment["BUILD"] = "0";
        start.Environment["DATA"] = data;
        start.Environment["CENTRAL_GRPC_PORT"] = Text(FreePort.Next());
        start.Environment["CENTRAL_HTTP_PORT"] = Text(centralHttp);
        start.Environment["EDGE_HTTP_PORT"] = Text(FreePort.Next());
        start.Environment["SIP_PORT"] = Text(sip);
        return Process.Start(start) ?? throw new InvalidOperationException("run.sh did not start.");
    }

    private static async Task WaitForBannerAsync(Process runSh, ConcurrentQueue<string> output)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(StartLimit.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!output.Contains("Omnichannel is running."))
        {
            Assert.False(runSh.HasExited, "run.sh stopped during start-up:\n" + string.Join('\n', output));
            Assert.True(TimeProvider.System.GetTimestamp() < deadline, "run.sh did not start:\n" + string.Join('\n', output));
            await Task.Delay(PollInterval, TimeProvider.System);
        }
    }

    private static async Task<IReadOnlyList<Klantcontact>> WaitForTelefoonContactsAsync(int centralHttp)
    {
        using var http = new HttpClient();
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture,
            $"http://127.0.0.1:{centralHttp}/api/v1/klantcontacten?kanaal=telefoon"));
        var deadline = TimeProvider.System.GetTimestamp() + (long)(ArrivalLimit.TotalSeconds * TimeProvider.System.TimestampFrequency);
        var contacts = new ListKlantcontactenResponse().Results;
        while (contacts.Count == 0 && TimeProvider.System.GetTimestamp() < deadline)
        {
            await Task.Delay(PollInterval, TimeProvider.System);
            contacts = Parser.Parse<ListKlantcontactenResponse>(await http.GetStringAsync(uri)).Results;
        }

        return contacts;
    }

    // run.sh stops Central and the edge on SIGTERM; Process.Kill would send SIGKILL and leave both running.
    private static async Task StopAsync(Process runSh)
    {
        if (!runSh.HasExited)
        {
            await Command.RunAsync("kill", "-TERM", Text(runSh.Id));
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await runSh.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            runSh.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
