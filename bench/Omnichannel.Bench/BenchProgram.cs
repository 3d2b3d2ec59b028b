using Omnichannel.Bench.Harness;
using Omnichannel.Bench.Ingest;
using Omnichannel.Bench.Outbox;

namespace Omnichannel.Bench;

/// <summary>Parses the command line, runs the chosen suites and prints one line per target.</summary>
internal static class BenchProgram
{
    private const int ExitPass = 0;
    private const int ExitFail = 1;
    private const int ExitUsage = 2;
    private const int ExitWithheld = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!IsOptimizedBuild())
        {
            await Console.Error.WriteLineAsync("Benchmarks run from a Release build only: bench/run.sh or -c Release.");
            return ExitUsage;
        }

        if (BenchSettings.Parse(args) is not { } settings)
        {
            await Console.Error.WriteLineAsync(BenchSettings.Usage);
            return ExitUsage;
        }

        using var workspace = new Workspace(settings.Directory);
        var report = new Report(Console.Out);
        report.Machine(workspace.Path);
        try
        {
            await RunSuitesAsync(settings, workspace, report);
        }
        catch (InvalidOperationException ex)
        {
            // A check of the product's work failed (lost appends, unstored rows, error logs): no figure is valid.
            await Console.Error.WriteLineAsync("benchmark aborted, figures withheld: " + ex.Message);
            return ExitWithheld;
        }

        report.Finish();
        return report.AllPassed ? ExitPass : ExitFail;
    }

    private static async Task RunSuitesAsync(BenchSettings settings, Workspace workspace, Report report)
    {
        if (settings.Suite is "outbox" or "all")
        {
            await new OutboxBenchmark(settings, workspace, report).RunAsync();
        }

        if (settings.Suite is "ingest" or "all")
        {
            await new IngestBenchmark(settings, workspace, report).RunAsync();
        }
    }

    private static bool IsOptimizedBuild()
    {
#if DEBUG
        return false;
#else
        return true;
#endif
    }
}
