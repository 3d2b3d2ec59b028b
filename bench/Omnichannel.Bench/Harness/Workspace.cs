namespace Omnichannel.Bench.Harness;

/// <summary>
/// One folder for every database of a run, product and reference alike, so both sit on the same disk.
/// Each round gets a fresh subfolder; the whole folder is deleted at the end.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private int _next;

    public Workspace(string parent)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetFullPath(parent), $"omni-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A new empty folder named after what it holds, e.g. "outbox-product-3".</summary>
    public string NewFolder(string name)
    {
        var folder = System.IO.Path.Combine(Path, $"{Interlocked.Increment(ref _next):D3}-{name}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Deletes a round's folder once it is measured, so the disk does not fill during a long run.</summary>
    public static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public void Dispose() => Delete(Path);
}
