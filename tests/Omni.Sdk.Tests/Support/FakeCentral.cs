using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Omni.Sdk.Tests.Support;

/// <summary>A real gRPC server (Kestrel, HTTP/2 without TLS) on 127.0.0.1 that can go down and come back on its port.</summary>
internal sealed class FakeCentral : IAsyncDisposable
{
    private WebApplication? _app;

    private FakeCentral()
    {
    }

    public FakeCentralState State { get; } = new();

    public int Port { get; private set; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static async Task<FakeCentral> StartAsync()
    {
        var central = new FakeCentral();
        await central.StartOnAsync(0);
        return central;
    }

    /// <summary>Takes the link down: the port refuses connections until <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public Task RestartAsync() => StartOnAsync(Port);

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StartOnAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(State);
        var app = builder.Build();
        app.MapGrpcService<FakeEdgeSyncService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        Port = new Uri(address).Port;
        _app = app;
    }
}
