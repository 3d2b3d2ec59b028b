using Edge.Host.Tests.Support;

namespace Edge.Host.Tests.Samples;

/// <summary>Runs the built samples/Vendor.Console as a vendor would, against a Central that is not there.</summary>
public sealed class VendorConsoleTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Run_CentralUnreachable_TimesOutWithExit2AndBacklogOfOne()
    {
        var result = await RunAsync("--timeout", "1", "--kanaal", "telefoon");

        Assert.True(result.ExitCode == 2, result.Output);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("recorded klantcontact ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("backlog 1 ", StringComparison.Ordinal));
        Assert.StartsWith("timed out", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SecondRunWhileStillOffline_BacklogOfTwo()
    {
        await RunAsync("--timeout", "1");

        var result = await RunAsync("--timeout", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("backlog 2 ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownKanaal_Exit1NamingTheSetting()
    {
        var result = await RunAsync("--kanaal", "postduif");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Sample:Kanaal", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("postduif", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    private async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var key = _data.File("outbox.key");
        if (!File.Exists(key))
        {
            await File.WriteAllBytesAsync(key, [.. Enumerable.Range(100, 32).Select(i => (byte)i)]);
        }

        string[] all =
        [
            SampleAssembly(),
            "--Omni:CentralAddress=" + TestEdgeHost.UnreachableCentral,
            "--Omni:OutboxPath=" + _data.File("outbox.db"),
            "--Omni:KeyFile=" + key,
            .. arguments,
        ];
        return await ProcessRunner.RunAsync(DotnetHost(), all, Limit);
    }

    /// <summary>The sample is built beside the tests (a ProjectReference) in the same configuration.</summary>
    private static string SampleAssembly()
    {
        var outputDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = outputDir.Parent!.Name;
        var path = RepositoryPaths.Combine(
            "samples", "Vendor.Console", "bin", configuration, outputDir.Name, "Vendor.Console.dll");
        Assert.True(File.Exists(path), "build samples/Vendor.Console first: " + path);
        return path;
    }

    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
