using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Edge.Host.Hosting;

/// <summary>Applies the edge's connection cap (<see cref="EdgeOptions.MaxConcurrentConnections"/>) to Kestrel.</summary>
/// <remarks>
/// Kestrel's options are built with the application, before the host starts, while a bad setting must stop the start
/// through ValidateOnStart (exit code 78) rather than throw here. So the setting is read from configuration without
/// validation, and a value the validator will refuse leaves the default in place until then.
/// </remarks>
internal sealed class EdgeKestrelLimits(IConfiguration configuration) : IConfigureOptions<KestrelServerOptions>
{
    private const string Key = EdgeOptions.SectionName + ":" + nameof(EdgeOptions.MaxConcurrentConnections);

    public void Configure(KestrelServerOptions kestrel) =>
        kestrel.Limits.MaxConcurrentConnections =
            int.TryParse(configuration[Key], NumberStyles.None, CultureInfo.InvariantCulture, out var configured)
            && configured is >= EdgeOptions.MinConnections and <= EdgeOptions.MaxConnections
                ? configured
                : EdgeOptions.DefaultMaxConcurrentConnections;
}
