using Central.Api.Configuration;
using Microsoft.Extensions.Options;
using Omni.Contracts.V1;

namespace Central.Api.Sync;

/// <summary>
/// Picks the universal queue for a follow-up that arrives without one. Channels hold no routing
/// (ARCHITECTURE.md): a caller who asked for a callback from the main menu chose no service, so the edge
/// leaves the wachtrij empty and Central decides, from the same diensten list it serves to the edges.
/// </summary>
internal sealed class WachtrijRouter(EdgeConfigurationProvider configuration, IOptions<CentralOptions> options)
{
    public string Resolve(InterneTaak taak)
    {
        ArgumentNullException.ThrowIfNull(taak);
        if (taak.Wachtrij.Length > 0)
        {
            return taak.Wachtrij;
        }

        var dienst = configuration.Current.Diensten
            .FirstOrDefault(d => d.Dienstverleningstype == taak.Dienstverleningstype
                && taak.Dienstverleningstype != Dienstverleningstype.Unspecified);
        return dienst?.Wachtrij ?? options.Value.DefaultWachtrij;
    }
}
