using Central.Api;
using Central.Api.Hosting;
using Central.Api.Storage;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omni.Contracts.V1;
using Omnichannel.Bench.Harness;

namespace Omnichannel.Bench.Ingest;

/// <summary>
/// The real Central app (CentralApp.Build, Kestrel, SQLite, migrations) on 127.0.0.1 port 0 with a fresh
/// database, and a gRPC client of its EdgeSync service in the same process.
/// </summary>
internal sealed class CentralIngestHost : IAsyncDisposable
{
    public const string Gemeente = "0363";

    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private CentralIngestHost(WebApplication app, LogCounter logs)
    {
        _app = app;
        Logs = logs;
        var address = app.Services.GetRequiredService<CentralEndpoints>().GrpcAddress
            ?? throw new InvalidOperationException("Central did not bind its gRPC endpoint.");
        _channel = GrpcChannel.ForAddress(address);
        Sync = new EdgeSync.EdgeSyncClient(_channel);
    }

    public EdgeSync.EdgeSyncClient Sync { get; }

    public LogCounter Logs { get; }

    public IServiceProvider Services => _app.Services;

    public string DatabasePath => _app.Services.GetRequiredService<SqliteDatabase>().FilePath;

    public static async Task<CentralIngestHost> StartAsync(string folder)
    {
        var logs = new LogCounter();
        string[] args =
        [
            $"--contentRoot={folder}",
            $"--Central:Database={Path.Combine(folder, "central.db")}",
            "--Central:GrpcUrl=http://127.0.0.1:0",
            "--Central:HttpUrl=http://127.0.0.1:0",
            $"--Central:Gemeente={Gemeente}",
        ];
        var app = CentralApp.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
        });
        await app.StartAsync();
        return new CentralIngestHost(app, logs);
    }

    /// <summary>Rows in the klantcontacten table, read on a connection of its own.</summary>
    public long CountKlantcontacten()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM klantcontacten;";
        return (long)command.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
