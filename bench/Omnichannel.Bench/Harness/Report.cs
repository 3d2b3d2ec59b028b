using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Omnichannel.Bench.Harness;

/// <summary>Prints the machine, diagnostics and one line per measurement, and a summary with the peak memory.</summary>
internal sealed class Report(TextWriter output)
{
    private readonly List<Measurement> _measurements = [];

    public bool AllPassed => _measurements.TrueForAll(m => m.Passed);

    public void Machine(string workspace)
    {
        output.WriteLine($"# machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, " +
            $".NET {Environment.Version}, SQLite {SqliteVersion()}");
        output.WriteLine($"# load average at start: {LoadAverage()}");
        output.WriteLine($"# databases under {workspace} (filesystem {Filesystem(workspace)})");
    }

    public void Info(string text) => output.WriteLine("    " + text);

    public void Add(Measurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        _measurements.Add(measurement);
        output.WriteLine(Format(measurement));
    }

    public void Finish()
    {
        output.WriteLine();
        output.WriteLine($"# load average at end: {LoadAverage()}");
        output.WriteLine($"# peak working set of this process: {PeakWorkingSetMiB():0} MiB");
        output.WriteLine("# summary");
        foreach (var measurement in _measurements)
        {
            output.WriteLine(Format(measurement));
        }
    }

    /// <summary>The process's peak resident set (VmHWM on Linux), in MiB.</summary>
    public static double PeakWorkingSetMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    private static string Format(Measurement m) => string.Create(CultureInfo.InvariantCulture,
        $"[{m.Id}] {m.Name,-44} product {m.Product,10:0.0} {m.ProductUnit,-10} reference {m.Reference,10:0.0} " +
        $"{m.ReferenceUnit,-10} ratio {m.Ratio,7:0.000}x  target {m.Target,-8}  {(m.Passed ? "PASS" : "FAIL")}");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Filesystem(string path)
    {
        var drive = DriveInfo.GetDrives()
            .Where(d => path.StartsWith(d.RootDirectory.FullName, StringComparison.Ordinal))
            .MaxBy(d => d.RootDirectory.FullName.Length);
        return drive is null ? "unknown" : $"{drive.RootDirectory.FullName} {drive.DriveFormat}";
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version();";
        return command.ExecuteScalar() as string ?? "unknown";
    }
}
