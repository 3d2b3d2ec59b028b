using System.Diagnostics;
using Omnichannel.EndToEnd.Tests.Support;

namespace Telephony.EndToEnd.Tests.Support;

/// <summary>
/// A program started inside a network namespace (<c>ip netns exec</c>, which execs the program in its own process),
/// with its output captured line by line. Disposing kills it.
/// </summary>
internal sealed class NamespacedProcess : IAsyncDisposable
{
    private readonly Process _process;

    private NamespacedProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public static NamespacedProcess Start(
        string name, string space, string workingFolder, ProcessOutput output, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo("ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingFolder,
        };
        foreach (var argument in (string[])["netns", "exec", space, program, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("NOTIFY_SOCKET");
        start.Environment.Remove("WATCHDOG_USEC");
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Capture(output, name, false, e.Data);
        process.ErrorDataReceived += (_, e) => Capture(output, name, true, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new NamespacedProcess(name, process);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
    }

    private static void Capture(ProcessOutput output, string name, bool isError, string? line)
    {
        if (line is not null)
        {
            output.Add(name, isError, line);
        }
    }
}
