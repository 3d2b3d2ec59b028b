using System.Diagnostics;
using System.Globalization;
using Omnichannel.EndToEnd.Tests.Support;

namespace Telephony.EndToEnd.Tests.Support;

/// <summary>Runs the sipp binary (Debian sip-tester) against the gateway on 127.0.0.1, to completion.</summary>
internal static class Sipp
{
    private const string Binary = "/usr/bin/sipp";

    // sipp's exit code -2 (as a byte: 254), "fatal error binding a socket" (sipp(1), Exit codes).
    private const int ExitCodeBindFailed = 254;

    /// <summary>test.sh installs sipp where missing; without it these tests cannot say anything.</summary>
    public static void AssertInstalled() =>
        Assert.True(File.Exists(Binary), "sipp must be installed at " + Binary + " (Debian package sip-tester)");

    /// <summary>The folder of the XML scenarios shipped with this test project.</summary>
    public static string ScenarioFolder => Path.Combine(AppContext.BaseDirectory, "Scenarios");

    /// <summary>
    /// Places <paramref name="calls"/> calls from 127.0.0.1 to the gateway; <paramref name="scenario"/> is a built-in
    /// name (e.g. "uac") or an XML file. Runs in <paramref name="workingFolder"/> (uac_pcap reads pcap/ from there).
    /// <paramref name="firstLocalPort"/> is sipp's own SIP port on the first start (a test of the retry holds it).
    /// </summary>
    public static async Task<SippRun> RunAsync(
        string scenario,
        int gatewayPort,
        string workingFolder,
        IEnumerable<string> extraArguments,
        TimeSpan limit,
        int calls = 1,
        int? firstLocalPort = null)
    {
        // sipp binds its ports before placing any call, so a run that lost one to another process did nothing yet
        // and can start again on new ports.
        for (var attempt = 1; ; attempt++)
        {
            var localPort = attempt == 1 && firstLocalPort is { } first ? first : FreePort.Next();
            var start = StartInfo(scenario, gatewayPort, workingFolder, extraArguments, limit, calls);
            AddAll(start, "-p", localPort.ToString(CultureInfo.InvariantCulture));
            var run = await RunAsync(start, limit + TimeSpan.FromSeconds(30));
            if (run.ExitCode != ExitCodeBindFailed || attempt == PortRace.MaxAttempts)
            {
                return run with { Starts = attempt };
            }
        }
    }

    private static ProcessStartInfo StartInfo(
        string scenario, int gatewayPort, string workingFolder, IEnumerable<string> extraArguments, TimeSpan limit,
        int calls)
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingFolder,
        };
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{gatewayPort}"));
        foreach (var argument in ScenarioArguments(scenario))
        {
            start.ArgumentList.Add(argument);
        }

        AddAll(start, "-i", "127.0.0.1");
        AddAll(start, "-mp", FreeEvenUdpPort().ToString(CultureInfo.InvariantCulture));
        AddAll(start, "-m", calls.ToString(CultureInfo.InvariantCulture), "-l", calls.ToString(CultureInfo.InvariantCulture));
        AddAll(start, "-nostdin", "-timeout", ((int)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s");
        foreach (var argument in extraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static IEnumerable<string> ScenarioArguments(string scenario) =>
        scenario.EndsWith(".xml", StringComparison.Ordinal)
            ? ["-sf", Path.Combine(ScenarioFolder, scenario)]
            : ["-sn", scenario];

    private static void AddAll(ProcessStartInfo start, params string[] arguments)
    {
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
    }

    private static async Task<SippRun> RunAsync(ProcessStartInfo start, TimeSpan limit)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sipp did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return new SippRun(process.ExitCode, await stdout + await stderr);
    }

    // sipp's media port for RTP (and pcap play) must not collide with the gateway's RTP range.
    private static int FreeEvenUdpPort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var socket = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
            var port = ((System.Net.IPEndPoint)socket.Client.LocalEndPoint!).Port;
            if (port % 2 == 0 && port < 65000)
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free even UDP port found.");
    }
}
