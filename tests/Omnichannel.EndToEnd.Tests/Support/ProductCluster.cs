using System.Globalization;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>
/// One test's world: a temp folder, one Central, the edges it adds, the captured output of every process and
/// the contacts seeded. Disposing kills every process still running, whatever state the test left.
/// </summary>
internal sealed class ProductCluster : IAsyncDisposable
{
    private readonly List<EdgeNode> _edges = [];
    private int _vendorRuns;
    private readonly SocketsHttpHandler _handler = new()
    {
        // A killed process leaves dead pooled connections behind; do not keep them around.
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(1),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    public ProductCluster()
    {
        Output = new ProcessOutput(text => PersonalDataGuard.Holds(text, Seeded));
        Http = new HttpClient(_handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
        Central = new CentralNode(Folder, Output, Http);
    }

    public TestFolder Folder { get; } = new();

    public ProcessOutput Output { get; }

    public SeededContacts Seeded { get; } = new();

    public HttpClient Http { get; }

    public CentralNode Central { get; }

    public EdgeNode AddEdge(string deviceId, int batchSize = 100, IReadOnlyList<string>? extraArguments = null)
    {
        var settings = new EdgeSettings(
            deviceId,
            Folder.File(deviceId + "-outbox.db"),
            Folder.NewOutboxKey(deviceId + "-outbox.key"),
            batchSize,
            extraArguments ?? []);
        var edge = new EdgeNode(settings, Central.GrpcAddress, Output, Http);
        _edges.Add(edge);
        return edge;
    }

    /// <summary>Runs Vendor.Console to completion against this Central; its outbox persists across runs.</summary>
    public async Task<VendorRun> RunVendorConsoleAsync(int timeoutSeconds, CancellationToken cancellationToken)
    {
        var key = Folder.File("vendor-outbox.key");
        if (!File.Exists(key))
        {
            Folder.NewOutboxKey("vendor-outbox.key");
        }

        string[] arguments =
        [
            "--kanaal", "telefoon",
            "--timeout", timeoutSeconds.ToString(CultureInfo.InvariantCulture),
            "--Omni:CentralAddress=" + Central.GrpcAddress.ToString().TrimEnd('/'),
            "--Omni:DeviceId=vendor-e2e",
            "--Omni:OutboxPath=" + Folder.File("vendor-outbox.db"),
            "--Omni:KeyFile=" + key,
            "--Omni:BackoffMin=00:00:00.100",
            "--Omni:BackoffMax=00:00:01",
            "--Omni:ProbeInterval=00:00:00.200",
        ];
        var name = "vendor#" + (++_vendorRuns).ToString(CultureInfo.InvariantCulture);
        await using var process = ProductProcess.Start(name, ProductPaths.VendorConsole, arguments, Output);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(timeoutSeconds + 60));
        return VendorRun.From(name, exitCode, Output);
    }

    /// <summary>
    /// No process wrote seeded personal data, logged an error (other than the expected categories) or crashed.
    /// </summary>
    public void AssertCleanOutput(params string[] expectedErrorCategories)
    {
        PersonalDataGuard.AssertClean(Output, Seeded);
        Output.AssertNoErrors(expectedErrorCategories);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var edge in _edges)
        {
            await edge.DisposeAsync();
        }

        await Central.DisposeAsync();
        await KeepOutputAsync();
        Http.Dispose();
        _handler.Dispose();
        Folder.Dispose();
    }

    /// <summary>With OMNI_E2E_OUTPUT set to a folder, every process line is kept there for a developer.</summary>
    private async Task KeepOutputAsync()
    {
        var folder = Environment.GetEnvironmentVariable("OMNI_E2E_OUTPUT");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, Path.GetFileName(Folder.Path) + ".log");
        await File.WriteAllLinesAsync(file, Output.Lines.Select(line => $"[{line.Source}] {line.Text}"));
    }
}
