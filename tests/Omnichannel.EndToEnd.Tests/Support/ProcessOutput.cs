using System.Collections.Concurrent;
using System.Text;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>Every line every process of one test wrote, tagged with the process, in arrival order.</summary>
/// <param name="holdsPersonalData">Tells which lines must never be repeated in a test message.</param>
internal sealed class ProcessOutput(Func<string, bool> holdsPersonalData)
{
    private readonly ConcurrentQueue<OutputLine> _lines = new();

    public IReadOnlyCollection<OutputLine> Lines => _lines;

    public void Add(string source, bool isError, string text) => _lines.Enqueue(new OutputLine(source, isError, text));

    /// <summary>
    /// Fails on any error or critical log line (the console logger's "fail:" and "crit:") and on any crash, except
    /// lines of the named categories, which the test expects. The message names the source and category only.
    /// </summary>
    public void AssertNoErrors(params string[] expectedCategories)
    {
        foreach (var line in _lines)
        {
            var isError = line.Text.StartsWith("fail: ", StringComparison.Ordinal)
                || line.Text.StartsWith("crit: ", StringComparison.Ordinal);
            var category = isError ? line.Text[6..].Split('[')[0] : string.Empty;

            // The messages are built only on failure: Tail reads every line, and runs with kill cycles capture
            // hundreds of thousands of them, so a message built per line made this check quadratic.
            if (isError && !expectedCategories.Contains(category, StringComparer.Ordinal))
            {
                Assert.Fail($"{line.Source} logged an error: {category}\n{Tail(line.Source)}");
            }

            if (line.Text.StartsWith("Unhandled exception", StringComparison.Ordinal))
            {
                Assert.Fail($"{line.Source} crashed:\n{Tail(line.Source)}");
            }
        }
    }

    /// <summary>The last lines of one source (or of all), for an assertion message when something went wrong.</summary>
    public string Tail(string? source = null, int count = 40)
    {
        var selected = _lines.Where(line => source is null || line.Source == source).TakeLast(count);
        var text = new StringBuilder();
        foreach (var line in selected)
        {
            var shown = holdsPersonalData(line.Text) ? "(line withheld: it holds seeded personal data)" : line.Text;
            text.Append('[').Append(line.Source).Append(line.IsError ? " err] " : " out] ").AppendLine(shown);
        }

        return text.ToString();
    }
}
