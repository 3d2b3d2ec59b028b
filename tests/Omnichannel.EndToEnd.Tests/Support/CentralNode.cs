using System.Globalization;
using Google.Protobuf;
using Omni.Contracts.V1;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>
/// Central.Api as a process on fixed loopback ports and one SQLite file, so it can be stopped, killed and started
/// again on the same database and the same address the edges were given.
/// </summary>
internal sealed class CentralNode : IAsyncDisposable
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private readonly ProcessOutput _output;
    private readonly HttpClient _http;
    private readonly string _database;
    private readonly int _grpcPort = FreePort.Next();
    private readonly int _httpPort = FreePort.Next();
    private ProductProcess? _process;
    private int _starts;

    public CentralNode(TestFolder folder, ProcessOutput output, HttpClient http)
    {
        _output = output;
        _http = http;
        _database = folder.File("central.db");
    }

    /// <summary>What the edges and the SDK are configured with; it stays the same across restarts.</summary>
    public Uri GrpcAddress => new($"http://127.0.0.1:{_grpcPort}");

    private Uri HttpAddress => new($"http://127.0.0.1:{_httpPort}");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("Central is already running.");
        }

        _starts++;
        string[] arguments =
        [
            "--Central:Database=" + _database,
            "--Central:GrpcUrl=" + GrpcAddress.ToString().TrimEnd('/'),
            "--Central:HttpUrl=" + HttpAddress.ToString().TrimEnd('/'),
            "--Logging:LogLevel:Default=Information",
            "--Logging:LogLevel:Central=Debug",
        ];
        var name = string.Create(CultureInfo.InvariantCulture, $"central#{_starts}");
        _process = ProductProcess.Start(name, ProductPaths.CentralApi, arguments, _output);
        await Readiness.WaitForHttpAsync(_http, new Uri(HttpAddress, "/healthz"), _process, _output, cancellationToken);
    }

    public async Task StopAsync()
    {
        var exitCode = await Current.StopAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"Central exited with {exitCode} after SIGTERM:\n{_output.Tail(Current.Name)}");
    }

    public Task KillHardAsync() => Current.KillHardAsync();

    /// <summary>Every klantcontact in the register, paging with Central's own next links.</summary>
    public async Task<IReadOnlyList<Klantcontact>> ListAllAsync(CancellationToken cancellationToken)
    {
        var all = new List<Klantcontact>();
        var next = "/api/v1/klantcontacten?pageSize=500";
        while (next.Length > 0)
        {
            using var response = await _http.GetAsync(new Uri(HttpAddress, next), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"GET {next}: {(int)response.StatusCode}");
            var page = Parser.Parse<ListKlantcontactenResponse>(body);
            all.AddRange(page.Results);
            next = page.Next;
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private ProductProcess Current => _process ?? throw new InvalidOperationException("Central was never started.");
}
