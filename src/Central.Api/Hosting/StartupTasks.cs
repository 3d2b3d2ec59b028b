using Central.Api.Configuration;
using Central.Api.Storage;

namespace Central.Api.Hosting;

/// <summary>
/// Runs before any hosted service starts (and so before Kestrel accepts a request): migrates the database
/// and loads the edge configuration. A failure here stops the host, and systemd reports the unit failed.
/// </summary>
internal sealed class StartupTasks(DatabaseMigrator migrator, EdgeConfigurationProvider configuration)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await configuration.LoadAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
