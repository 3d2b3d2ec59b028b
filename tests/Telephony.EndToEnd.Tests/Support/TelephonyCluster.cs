using System.Globalization;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Omnichannel.EndToEnd.Tests.Support;
using Omni.Contracts.V1;

namespace Telephony.EndToEnd.Tests.Support;

/// <summary>
/// One test's telephony world on 127.0.0.1: Central (SQLite, serving <see cref="GatewayConfiguration"/>) and one
/// Edge.Host with the telephony role on a free SIP port, each as its own process. Disposing kills both. A start that
/// loses a port to another process is retried on new ports (<see cref="PortRace"/>).
/// </summary>
internal sealed class TelephonyCluster : IAsyncDisposable
{
    public const string DeviceId = "ivr-gateway-e2e";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // Omni.Sdk's log event 1201: the edge stored Central's configuration and uses it.
    private const string MenuInUse = "EdgeConfigurationCache[1201]";

    // Edge.Host's log event 5530, written once the SIP listener is bound.
    private const string SipListening = "SipGatewayService[5530]";

    // Edge.Host's exit code (EX_TEMPFAIL) when a listening port is held by another process (Hosting/AddressInUse).
    private const int ExitCodePortInUse = 75;

    // Kestrel's words when a bind fails; Central has no exit code of its own for it.
    private const string KestrelAddressInUse = "address already in use";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Func<string, bool> _holdsPersonalData;

    // Lines of starts that lost a port race; compared by reference, as two starts may write equal lines.
    private readonly HashSet<OutputLine> _lostLines = new(ReferenceEqualityComparer.Instance);
    private int _centralGrpcPort;
    private int _centralHttpPort;
    private int _edgeHttpPort;
    private int _gatewayOutputStart;
    private FirstPorts _firstPorts = FirstPorts.Free;
    private ProductProcess? _central;
    private ProductProcess? _gateway;

    private TelephonyCluster(Func<string, bool> holdsPersonalData)
    {
        _holdsPersonalData = holdsPersonalData;
        Output = new ProcessOutput(holdsPersonalData);
    }

    public TestFolder Folder { get; } = new();

    public ProcessOutput Output { get; }

    /// <summary>The gateway's SIP port (UDP and TCP), known once it started.</summary>
    public int SipPort { get; private set; }

    public string Database => Folder.File("central.db");

    private Uri CentralHttp => new($"http://127.0.0.1:{_centralHttpPort}");

    /// <summary>Starts Central, then the gateway, and waits until the gateway took Central's menu.</summary>
    /// <param name="callerNumbers">Numbers the test calls from; any output line holding one fails the test.</param>
    /// <param name="gatewaySettings">Extra "--Key=value" settings of the gateway.</param>
    public static Task<TelephonyCluster> StartAsync(
        IReadOnlyCollection<string> callerNumbers, params string[] gatewaySettings) =>
        StartAsync(callerNumbers, FirstPorts.Free, gatewaySettings);

    /// <summary>As <see cref="StartAsync(IReadOnlyCollection{string}, string[])"/>, with the ports of the first
    /// starts given (a test of the retry holds them).</summary>
    public static async Task<TelephonyCluster> StartAsync(
        IReadOnlyCollection<string> callerNumbers, FirstPorts firstPorts, params string[] gatewaySettings)
    {
        var cluster = new TelephonyCluster(text => callerNumbers.Any(n => text.Contains(n, StringComparison.Ordinal)))
        {
            _firstPorts = firstPorts,
        };
        try
        {
            await cluster.StartCentralAsync();
            await cluster.StartGatewayAsync(gatewaySettings);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The telefoon klantcontacten in Central's register, as its REST API lists them.</summary>
    public async Task<IReadOnlyList<Klantcontact>> TelefoonContactenAsync()
    {
        var uri = new Uri(CentralHttp, "/api/v1/klantcontacten?kanaal=telefoon&pageSize=500");
        using var response = await _http.GetAsync(uri);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET klantcontacten: {(int)response.StatusCode}");
        return Parser.Parse<ListKlantcontactenResponse>(body).Results;
    }

    /// <summary>Polls Central until it lists <paramref name="count"/> telefoon contacts, then waits a little longer
    /// to see that no more arrive, and returns them.</summary>
    public async Task<IReadOnlyList<Klantcontact>> WaitForContactsAsync(int count, TimeSpan limit)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(limit.TotalSeconds * TimeProvider.System.TimestampFrequency);
        var contacts = await TelefoonContactenAsync();
        while (contacts.Count < count && TimeProvider.System.GetTimestamp() < deadline)
        {
            await Task.Delay(PollInterval, TimeProvider.System);
            contacts = await TelefoonContactenAsync();
        }

        // A second record of the same call would come with the same push or the next one (the sender retries
        // within a second in these tests): wait for two more push rounds before counting.
        await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System);
        return await TelefoonContactenAsync();
    }

    /// <summary>The interne taken Central created for a klantcontact (its follow-ups), read from its database.</summary>
    public async Task<IReadOnlyList<(int Soort, string Wachtrij)>> FollowUpsAsync(string klantcontactUuid)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT soort, wachtrij FROM interne_taken WHERE klantcontact_uuid = $uuid";
        command.Parameters.AddWithValue("$uuid", klantcontactUuid);
        var result = new List<(int, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return result;
    }

    /// <summary>Polls until Central holds a follow-up for the klantcontact.</summary>
    public async Task<IReadOnlyList<(int Soort, string Wachtrij)>> WaitForFollowUpsAsync(string uuid, TimeSpan limit)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(limit.TotalSeconds * TimeProvider.System.TimestampFrequency);
        var followUps = await FollowUpsAsync(uuid);
        while (followUps.Count == 0 && TimeProvider.System.GetTimestamp() < deadline)
        {
            await Task.Delay(PollInterval, TimeProvider.System);
            followUps = await FollowUpsAsync(uuid);
        }

        return followUps;
    }

    /// <summary>SIGTERM to the gateway; it must end its calls, record them and exit 0.</summary>
    public async Task StopGatewayAsync()
    {
        var gateway = _gateway ?? throw new InvalidOperationException("The gateway was never started.");
        var exitCode = await gateway.StopAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"the gateway exited with {exitCode}:\n{Output.Tail(gateway.Name)}");
    }

    /// <summary>SIGTERM to Central, which must exit 0; the gateway goes on without it.</summary>
    public async Task StopCentralAsync()
    {
        var central = _central ?? throw new InvalidOperationException("Central was never started.");
        var exitCode = await central.StopAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"Central exited with {exitCode}:\n{Output.Tail(central.Name)}");
    }

    /// <summary>The gateway's /healthz, as JSON.</summary>
    public async Task<System.Text.Json.JsonElement> GatewayHealthAsync()
    {
        using var response = await _http.GetAsync(new Uri(Url(_edgeHttpPort) + "/healthz"));
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public string Tail() => Output.Tail();

    /// <summary>
    /// Every line except those of starts that lost a port to another process: their "port in use" errors are the
    /// expected end of such a start, not a fault of the running processes.
    /// </summary>
    public ProcessOutput OutputOfRunningProcesses()
    {
        var kept = new ProcessOutput(_holdsPersonalData);
        foreach (var line in Output.Lines.Where(l => !_lostLines.Contains(l)))
        {
            kept.Add(line.Source, line.IsError, line.Text);
        }

        return kept;
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_central is not null)
        {
            await _central.DisposeAsync();
        }

        await KeepOutputAsync();
        _http.Dispose();
        Folder.Dispose();
    }

    private async Task StartCentralAsync()
    {
        var configuration = Folder.File("edge-configuration.json");
        await File.WriteAllTextAsync(configuration, GatewayConfiguration.Json());
        _central = await PortRace.StartAsync(Output, () => StartCentral(configuration), CentralLostPort, _lostLines);
        await Readiness.WaitForHttpAsync(_http, new Uri(CentralHttp, "/healthz"), _central, Output, default);
    }

    private (ProductProcess, string[]) StartCentral(string configuration)
    {
        _centralGrpcPort = FreePort.Next();
        _centralHttpPort = _firstPorts.CentralHttp ?? FreePort.Next();
        _firstPorts = _firstPorts with { CentralHttp = null };
        string[] arguments =
        [
            "--Central:Database=" + Database,
            "--Central:GrpcUrl=" + Url(_centralGrpcPort),
            "--Central:HttpUrl=" + Url(_centralHttpPort),
            "--Central:EdgeConfigurationFile=" + configuration,
        ];
        var central = ProductProcess.Start("central", ProductPaths.CentralApi, arguments, Output);
        return (central, ["Now listening on: " + Url(_centralGrpcPort), "Now listening on: " + Url(_centralHttpPort)]);
    }

    private static bool CentralLostPort(int exitCode, IReadOnlyList<string> lines) =>
        exitCode != 0 && lines.Any(l => l.Contains(KestrelAddressInUse, StringComparison.OrdinalIgnoreCase));

    private async Task StartGatewayAsync(string[] settings)
    {
        // One key for every attempt: an attempt that lost a port may already have created the outbox with it.
        var key = Folder.NewOutboxKey("outbox.key");
        _gateway = await PortRace.StartAsync(
            Output, () => StartGateway(key, settings), (exitCode, _) => exitCode == ExitCodePortInUse, _lostLines);
        await Readiness.WaitForHttpAsync(_http, new Uri(Url(_edgeHttpPort) + "/healthz"), _gateway, Output, default);
        await WaitForMenuAsync(_gateway);
    }

    private (ProductProcess, string[]) StartGateway(string key, string[] settings)
    {
        _edgeHttpPort = FreePort.Next();
        SipPort = _firstPorts.GatewaySip ?? FreePort.Next();
        _firstPorts = _firstPorts with { GatewaySip = null };
        string[] arguments =
        [
            "--Edge:HttpUrl=" + Url(_edgeHttpPort),
            "--Omni:DeviceId=" + DeviceId,
            "--Omni:CentralAddress=" + Url(_centralGrpcPort),
            "--Omni:OutboxPath=" + Folder.File("outbox.db"),
            "--Omni:KeyFile=" + key,
            "--Omni:BackoffMin=00:00:00.100",
            "--Omni:BackoffMax=00:00:01",
            "--Omni:ProbeInterval=00:00:00.200",
            "--Telephony:SipListenPort=" + SipPort.ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default=Information",
            "--Logging:LogLevel:Edge=Debug",
            .. settings,
        ];
        _gatewayOutputStart = Output.Lines.Count;
        var gateway = ProductProcess.Start("gateway", ProductPaths.EdgeHost, arguments, Output);
        return (gateway, [SipListening, "Now listening on: " + Url(_edgeHttpPort)]);
    }

    // Until the edge has Central's configuration it offers only a callback; the tests need the real menu.
    private async Task WaitForMenuAsync(ProductProcess gateway)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += PollInterval)
        {
            // Only this gateway's lines: an attempt that lost a port may have taken the menu before it exited.
            var lines = Output.Lines.Skip(_gatewayOutputStart);
            if (lines.Any(l => l.Source == gateway.Name && l.Text.Contains(MenuInUse, StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(PollInterval, TimeProvider.System);
        }

        Assert.Fail("The gateway never took Central's configuration:\n" + Output.Tail(gateway.Name));
    }

    private static string Url(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

    private async Task KeepOutputAsync()
    {
        var folder = Environment.GetEnvironmentVariable("OMNI_E2E_OUTPUT");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, "telephony-" + Path.GetFileName(Folder.Path) + ".log");
            await File.WriteAllLinesAsync(file, Output.Lines.Select(line => $"[{line.Source}] {line.Text}"));
        }
    }
}
