using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Google.Protobuf;
using Omni.Contracts.V1;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>
/// Edge.Host as a process: the loopback HTTP API in front of an Omni.Sdk outbox that pushes to Central. It keeps
/// its port, outbox and key across restarts, as the same device under systemd would.
/// </summary>
internal sealed class EdgeNode : IAsyncDisposable
{
    private readonly ProcessOutput _output;
    private readonly HttpClient _http;
    private readonly Uri _central;
    private readonly int _httpPort = FreePort.Next();
    private ProductProcess? _process;
    private int _starts;

    public EdgeNode(EdgeSettings settings, Uri central, ProcessOutput output, HttpClient http)
    {
        Settings = settings;
        _central = central;
        _output = output;
        _http = http;
    }

    public EdgeSettings Settings { get; }

    public Uri HttpAddress => new($"http://127.0.0.1:{_httpPort}");

    public string ProcessName => _process?.Name ?? string.Empty;

    /// <summary>Starts the process and waits until /healthz answers.</summary>
    public Task<ProductProcess> StartAsync(CancellationToken cancellationToken) => StartAsync(true, cancellationToken);

    /// <summary>Starts the process; with <paramref name="waitUntilReady"/> waits until /healthz answers.</summary>
    public async Task<ProductProcess> StartAsync(bool waitUntilReady, CancellationToken cancellationToken)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The edge is already running.");
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _starts++;
        var name = string.Create(CultureInfo.InvariantCulture, $"{Settings.DeviceId}#{_starts}");
        _process = ProductProcess.Start(name, ProductPaths.EdgeHost, Arguments(), _output);
        if (waitUntilReady)
        {
            var probe = new Uri(HttpAddress, "/healthz");
            await Readiness.WaitForHttpAsync(_http, probe, _process, _output, cancellationToken);
        }

        return _process;
    }

    public async Task StopAsync()
    {
        var exitCode = await Current.StopAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"the edge exited with {exitCode} after SIGTERM:\n{_output.Tail(Current.Name)}");
    }

    public Task KillHardAsync() => Current.KillHardAsync();

    public async Task<PostOutcome> PostAsync(Klantcontact klantcontact, CancellationToken cancellationToken)
    {
        var json = JsonFormatter.Default.Format(klantcontact);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var uri = new Uri(HttpAddress, "/api/v1/klantcontacten");
        try
        {
            using var response = await _http.PostAsync(uri, content, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.Created => PostOutcome.Created,
                HttpStatusCode.OK => PostOutcome.Replayed,
                _ => PostOutcome.Refused,
            };
        }
        catch (HttpRequestException)
        {
            return PostOutcome.NoAnswer;
        }
        catch (IOException)
        {
            return PostOutcome.NoAnswer;
        }
        catch (TaskCanceledException)
        {
            // The client's timeout or the test stopping the load: the request may still have been stored.
            return PostOutcome.NoAnswer;
        }
    }

    public async Task<EdgeHealth> HealthAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(HttpAddress, "/healthz"), cancellationToken);
        var health = await response.Content.ReadFromJsonAsync<EdgeHealth>(cancellationToken);
        return health ?? throw new InvalidOperationException("/healthz answered no body.");
    }

    /// <summary>Polls /healthz until the backlog is empty, i.e. Central acknowledged everything.</summary>
    public async Task<EdgeHealth> WaitUntilDeliveredAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var health = await HealthAsync(cancellationToken);
        while (health.Backlog > 0)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"{health.Backlog} record(s) still waiting after {limit}:\n{_output.Tail(Current.Name)}");
            }

            health = await HealthAsync(cancellationToken);
        }

        return health;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private string[] Arguments() =>
    [
        .. DefaultArguments(),
        .. Settings.ExtraArguments,
    ];

    private string[] DefaultArguments() =>
    [
        "--Edge:HttpUrl=" + HttpAddress.ToString().TrimEnd('/'),
        "--Omni:DeviceId=" + Settings.DeviceId,
        "--Omni:CentralAddress=" + _central.ToString().TrimEnd('/'),
        "--Omni:OutboxPath=" + Settings.OutboxPath,
        "--Omni:KeyFile=" + Settings.KeyFile,
        "--Omni:BatchSize=" + Settings.BatchSize.ToString(CultureInfo.InvariantCulture),

        // Short backoff and probing, so a test does not wait out production's minute-long retry delays.
        "--Omni:BackoffMin=00:00:00.100",
        "--Omni:BackoffMax=00:00:01",
        "--Omni:ProbeInterval=00:00:00.200",
        "--Omni:CallTimeout=00:00:10",

        // A free SIP port, in case the telephony role is enabled: parallel runs must not fight over 5060.
        "--Telephony:SipListenPort=" + FreePort.Next().ToString(CultureInfo.InvariantCulture),
        "--Logging:LogLevel:Default=Information",
        "--Logging:LogLevel:Omni=Debug",
        "--Logging:LogLevel:Edge=Debug",
    ];

    private ProductProcess Current => _process ?? throw new InvalidOperationException("The edge was never started.");
}
