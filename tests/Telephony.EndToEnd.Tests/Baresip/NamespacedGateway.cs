using Google.Protobuf;
using Omnichannel.EndToEnd.Tests.Support;
using Omni.Contracts.V1;
using Telephony.EndToEnd.Tests.Support;

namespace Telephony.EndToEnd.Tests.Baresip;

/// <summary>
/// Central and the gateway inside namespace A: Central on A's loopback, the gateway's SIP and RTP on A's veth
/// address. The test reads Central through <c>ip netns exec A curl</c>, on A's own loopback.
/// </summary>
internal sealed class NamespacedGateway : IAsyncDisposable
{
    // Fixed ports are safe: the namespace is new and holds nothing else.
    private const string CentralGrpc = "http://127.0.0.1:7081";
    private const string CentralHttp = "http://127.0.0.1:7080";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private readonly NetworkNamespaces _spaces;
    private readonly TestFolder _folder;
    private NamespacedProcess? _central;
    private NamespacedProcess? _gateway;

    public NamespacedGateway(NetworkNamespaces spaces, TestFolder folder, ProcessOutput output)
    {
        _spaces = spaces;
        _folder = folder;
        Output = output;
    }

    public ProcessOutput Output { get; }

    public async Task StartAsync()
    {
        var configuration = _folder.File("edge-configuration.json");
        await File.WriteAllTextAsync(configuration, GatewayConfiguration.Json());
        _central = NamespacedProcess.Start(
            "central", _spaces.A, _folder.Path, Output, ProductPaths.DotnetHost, ProductPaths.CentralApi,
            "--Central:Database=" + _folder.File("central.db"),
            "--Central:GrpcUrl=" + CentralGrpc,
            "--Central:HttpUrl=" + CentralHttp,
            "--Central:EdgeConfigurationFile=" + configuration);

        // The edge fetches its menu at start; Central must answer by then.
        await WaitForLineAsync("central", "Now listening on: " + CentralHttp, TimeSpan.FromSeconds(60));
        _gateway = NamespacedProcess.Start(
            "gateway", _spaces.A, Path.GetDirectoryName(ProductPaths.EdgeHost)!, Output, ProductPaths.DotnetHost,
            ProductPaths.EdgeHost,
            "--Edge:HttpUrl=http://127.0.0.1:8080",
            "--Omni:DeviceId=" + TelephonyCluster.DeviceId,
            "--Omni:CentralAddress=" + CentralGrpc,
            "--Omni:OutboxPath=" + _folder.File("outbox.db"),
            "--Omni:KeyFile=" + _folder.NewOutboxKey("outbox.key"),
            "--Omni:BackoffMin=00:00:00.100",
            "--Omni:BackoffMax=00:00:01",
            "--Omni:ProbeInterval=00:00:00.200",
            "--Telephony:SipListenAddress=" + _spaces.AddressA,
            "--Telephony:RtpAddress=" + _spaces.AddressA,
            "--Logging:LogLevel:Edge=Debug");
        await WaitForLineAsync("gateway", "EdgeConfigurationCache[1201]", TimeSpan.FromSeconds(60));
    }

    public async Task<IReadOnlyList<Klantcontact>> TelefoonContactenAsync()
    {
        var body = await Command.RunCheckedAsync(
            "ip", "netns", "exec", _spaces.A, "curl", "-sf", CentralHttp + "/api/v1/klantcontacten?kanaal=telefoon");
        return Parser.Parse<ListKlantcontactenResponse>(body).Results;
    }

    /// <summary>Waits until a line of the source holds the text.</summary>
    public async Task WaitForLineAsync(string source, string text, TimeSpan limit)
    {
        for (var waited = TimeSpan.Zero; waited < limit; waited += TimeSpan.FromMilliseconds(100))
        {
            if (Output.Lines.Any(l => l.Source == source && l.Text.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        Assert.Fail($"{source} never wrote the expected line:\n{Output.Tail()}");
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
    }
}
