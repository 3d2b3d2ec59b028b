using System.Diagnostics;

namespace Telephony.EndToEnd.Tests.Support;

/// <summary>Runs a short system command (ip, curl) to completion and returns its exit code and output.</summary>
internal static class Command
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Runs the command and fails the test when it exits with anything but 0.</summary>
    public static async Task<string> RunCheckedAsync(string program, params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(program, arguments);
        Assert.True(exitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {exitCode}: {output}");
        return output;
    }
}
