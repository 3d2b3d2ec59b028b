using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omni.Contracts.V1;
using Omni.Sdk.Internal.Sending;

namespace Omni.Sdk.Internal.Configuration;

/// <summary>
/// Fetches the edge configuration every refresh interval (sending the version it holds, so an unchanged
/// configuration costs one small answer), stores each new version durably before serving it, and serves the
/// stored copy after a restart or while Central is away.
/// </summary>
internal sealed partial class EdgeConfigurationCache : BackgroundService, IEdgeConfigurationProvider
{
    private readonly EdgeConfigurationStore _store;
    private readonly EdgeSync.EdgeSyncClient _client;
    private readonly LinkState _link;
    private readonly OmniSdkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EdgeConfigurationCache> _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private EdgeConfiguration? _current;

    public EdgeConfigurationCache(EdgeConfigurationStore store, EdgeSync.EdgeSyncClient client, LinkState link,
        IOptions<OmniSdkOptions> options, TimeProvider time, ILogger<EdgeConfigurationCache> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _client = client;
        _link = link;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _current = store.Load();
        if (_current is not null)
        {
            LogLoaded(_logger, _current.Version);
        }
    }

    public EdgeConfiguration? Current => Volatile.Read(ref _current);

    public event EventHandler<EdgeConfigurationChangedEventArgs>? Changed;

    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(_options.ConfigurationRefreshInterval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<bool> FetchAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.CallTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var request = new GetConfigurationRequest { DeviceId = _options.DeviceId, KnownVersion = Current?.Version ?? string.Empty };
        GetConfigurationResponse response;
        try
        {
            response = await _client.GetConfigurationAsync(request, cancellationToken: linked.Token).ResponseAsync
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RpcException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _link.Reached(false);
            LogFetchFailed(_logger, (ex as RpcException)?.StatusCode ?? StatusCode.DeadlineExceeded);
            return false;
        }

        _link.Reached(true);
        if (response.Configuration is { } configuration && configuration.Version != Current?.Version)
        {
            Accept(configuration);
        }

        return true;
    }

    private void Accept(EdgeConfiguration configuration)
    {
        // Durable first: what is served must survive a restart while Central is away.
        _store.Save(configuration, _time.GetUtcNow());
        Volatile.Write(ref _current, configuration);
        LogUpdated(_logger, configuration.Version);
        try
        {
            Changed?.Invoke(this, new EdgeConfigurationChangedEventArgs(configuration));
        }
#pragma warning disable CA1031 // A listener's bug must not stop the cache from serving configuration.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogListenerFailed(_logger, ex);
        }
    }
}
