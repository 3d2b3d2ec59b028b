using Edge.Host.Liveness;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Edge.Host.Telephony.Sip;

/// <summary>Registers the SIP gateway that runs the IVR on Edge.Sip; AddTelephonyRole calls it.</summary>
internal static class SipGatewayServiceCollectionExtensions
{
    public static IServiceCollection AddSipGateway(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<PromptLibrary>();
        services.TryAddSingleton<SipGatewayState>();
        services.TryAddSingleton<SipCallRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILivenessProbe, SipListenerProbe>());
        services.AddHostedService<SipGatewayService>();
        return services;
    }
}
