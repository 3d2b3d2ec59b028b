using Omnichannel.EndToEnd.Tests.Support;

namespace Telephony.EndToEnd.Tests.Support;

/// <summary>
/// Starting a process on ports that <see cref="FreePort"/> found free races with every other process on the machine:
/// one may take a port between the check and the bind. The loser of that race exits at start-up; then the start is
/// tried again on new ports. "Listening" is read from the process's own output, never from a probe that a foreign
/// process holding the port could answer.
/// </summary>
internal static class PortRace
{
    /// <summary>Starts before giving up; each lost race costs one start-up of a second or two.</summary>
    public const int MaxAttempts = 5;

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Starts processes until one writes every line that <paramref name="start"/> names (its ports are bound) and
    /// returns it; a process that exits first is retried on new ports when <paramref name="lostRace"/> says it lost
    /// the race for a port, otherwise the test fails with its output.
    /// </summary>
    /// <param name="output">Where the processes' lines are captured.</param>
    /// <param name="start">Starts one attempt on fresh ports and names the lines that prove it is listening.</param>
    /// <param name="lostRace">Given the exit code and the attempt's output lines: was a port taken?</param>
    /// <param name="lostLines">Gets the lines of each attempt that lost the race (their errors are expected).</param>
    public static async Task<ProductProcess> StartAsync(
        ProcessOutput output,
        Func<(ProductProcess Process, string[] Listening)> start,
        Func<int, IReadOnlyList<string>, bool> lostRace,
        ISet<OutputLine> lostLines)
    {
        for (var attempt = 1; ; attempt++)
        {
            var skip = output.Lines.Count;
            var (process, listening) = start();
            var lines = await WaitAsync(output, skip, process, listening);
            if (lines is null)
            {
                return process;
            }

            var exitCode = process.ExitCode;
            await process.DisposeAsync();
            Assert.True(
                lostRace(exitCode, [.. lines.Select(l => l.Text)]) && attempt < MaxAttempts,
                $"{process.Name} exited at start-up with {exitCode} (attempt {attempt}):\n{output.Tail(process.Name)}");
            lostLines.UnionWith(lines);
        }
    }

    // Null once every listening line was written; the attempt's lines once the process has exited instead.
    private static async Task<IReadOnlyList<OutputLine>?> WaitAsync(
        ProcessOutput output, int skip, ProductProcess process, string[] listening)
    {
        for (var waited = TimeSpan.Zero; waited < StartLimit; waited += PollInterval)
        {
            // Read the exit first: output written before the exit is then already in the list.
            var exited = process.HasExited;
            var lines = Own(output, skip, process);
            if (listening.All(text => lines.Any(l => l.Text.Contains(text, StringComparison.Ordinal))))
            {
                return null;
            }

            if (exited)
            {
                await process.WaitForExitAsync(StartLimit);
                return Own(output, skip, process);
            }

            await Task.Delay(PollInterval, TimeProvider.System);
        }

        Assert.Fail($"{process.Name} did not start listening within {StartLimit}:\n{output.Tail(process.Name)}");
        return null;
    }

    private static List<OutputLine> Own(ProcessOutput output, int skip, ProductProcess process) =>
        [.. output.Lines.Skip(skip).Where(l => l.Source == process.Name)];
}
