using System.Collections.Concurrent;
using System.Text;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>Every line every process of one test wrote, tagged with the process, in arrival order.</summary>
internal sealed class ProcessOutput
{
    private readonly ConcurrentQueue<OutputLine> _lines = new();

    public IReadOnlyCollection<OutputLine> Lines => _lines;

    public void Add(string source, bool isError, string text) => _lines.Enqueue(new OutputLine(source, isError, text));

    /// <summary>The last lines of one source (or of all), for an assertion message when something went wrong.</summary>
    public string Tail(string? source = null, int count = 40)
    {
        var selected = _lines.Where(line => source is null || line.Source == source).TakeLast(count);
        var text = new StringBuilder();
        foreach (var line in selected)
        {
            text.Append('[').Append(line.Source).Append(line.IsError ? " err] " : " out] ").AppendLine(line.Text);
        }

        return text.ToString();
    }
}
