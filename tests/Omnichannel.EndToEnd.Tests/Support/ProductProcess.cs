using System.Collections.Concurrent;
using System.Diagnostics;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>
/// One product started as its own OS process (<c>dotnet X.dll</c>), with stdout and stderr captured line by line.
/// Every process is also registered so that it is killed when the test host exits, whatever happened.
/// </summary>
internal sealed class ProductProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    // Variables that would make a child think systemd supervises it (sd_notify, watchdog) when the test runner
    // itself runs under systemd.
    private static readonly string[] InheritedSystemdVariables =
        ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "INVOCATION_ID", "LISTEN_FDS", "LISTEN_PID"];

    private readonly Process _process;

    static ProductProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAllRunning();
    }

    private ProductProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ProductProcess Start(
        string name, string assembly, IEnumerable<string> arguments, ProcessOutput output,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(ProductPaths.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in InheritedSystemdVariables)
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Capture(output, name, isError: false, e.Data);
        process.ErrorDataReceived += (_, e) => Capture(output, name, isError: true, e.Data);
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ProductProcess(name, process);
    }

    /// <summary>kill -9: SIGKILL, no chance to flush or clean up. Waits until the process is gone.</summary>
    public async Task KillHardAsync()
    {
        if (!_process.HasExited)
        {
            // Process.Kill sends SIGKILL on Unix.
            _process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>A graceful stop (SIGTERM, as systemd sends); kill -9 if it does not end within the limit.</summary>
    public async Task<int> StopAsync(TimeSpan limit)
    {
        if (!_process.HasExited)
        {
            var pid = Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var kill = Process.Start("kill", ["-TERM", pid]);
            await kill.WaitForExitAsync();
        }

        try
        {
            return await WaitForExitAsync(limit);
        }
        catch (TimeoutException)
        {
            await KillHardAsync();
            throw new TimeoutException($"{Name} did not stop within {limit} of SIGTERM; it was killed.");
        }
    }

    /// <summary>Waits for the exit and for the last captured output line.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {limit}.");
        }

        Running.TryRemove(_process.Id, out _);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillHardAsync();
        }
        finally
        {
            Running.TryRemove(_process.Id, out _);
            _process.Dispose();
        }
    }

    private static void Capture(ProcessOutput output, string name, bool isError, string? line)
    {
        if (line is not null)
        {
            output.Add(name, isError, line);
        }
    }

    private static void KillAllRunning()
    {
        foreach (var process in Running.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
