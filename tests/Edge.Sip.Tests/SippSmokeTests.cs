using System.Diagnostics;
using System.Net;

namespace Edge.Sip.Tests;

/// <summary>A real peer: sipp's built-in uac calls us over UDP on 127.0.0.1, then hangs up.</summary>
public sealed class SippSmokeTests
{
    private const string Sipp = "/usr/bin/sipp";

    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task SippUac_OneCall_CompletesWithExitCodeZero(string transport)
    {
        Assert.True(File.Exists(Sipp), "sipp must be installed at " + Sipp + " (Debian package sip-tester)");
        var options = new SipOptions { Port = 0 };
        await using var endpoint = new SipEndpoint(options, TimeProvider.System);
        await endpoint.StartAsync();
        var answering = AnswerOneCallAsync(endpoint);
        var workDir = Directory.CreateTempSubdirectory("sipp-");

        try
        {
            var start = new ProcessStartInfo(Sipp)
            {
                WorkingDirectory = workDir.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { "-sn", "uac", "127.0.0.1:" + endpoint.LocalEndPoint.Port, "-i", "127.0.0.1", "-m", "1",
                "-timeout", "20s", "-timeout_error", "-trace_err", "-nostdin", "-t", transport })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            var errorLogs = string.Concat(workDir.GetFiles("*errors.log").Select(f => File.ReadAllText(f.FullName)));
            Assert.True(process.ExitCode == 0, "sipp exit " + process.ExitCode + ": " + await errors + errorLogs);
            Assert.Equal(CallEndReason.RemoteHangUp, await answering.WaitAsync(TimeSpan.FromSeconds(10)));
            _ = await output;
        }
        finally
        {
            workDir.Delete(recursive: true);
        }
    }

    private static async Task<CallEndReason> AnswerOneCallAsync(SipEndpoint endpoint)
    {
        var call = await endpoint.IncomingCalls.ReadAsync();
        Assert.Contains(CallAudioCodec.Pcmu, call.Offer.Codecs);
        await call.AcceptAsync(new IPEndPoint(IPAddress.Loopback, 40000), CallAudioCodec.Pcmu);
        return await call.Completion;
    }
}
