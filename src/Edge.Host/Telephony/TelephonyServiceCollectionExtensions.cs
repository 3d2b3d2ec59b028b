using Edge.Host.Telephony.Callers;
using Edge.Host.Telephony.Calls;
using Edge.Host.Telephony.Ivr;
using Edge.Host.Telephony.Recording;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Omni.Sdk;

namespace Edge.Host.Telephony;

/// <summary>Registers the telephony role: options, the IVR and its call records.</summary>
internal static class TelephonyServiceCollectionExtensions
{
    /// <summary>
    /// Adds the telephony role. Expects the host to have added Omni.Sdk (IOmniRecorder, IEdgeConfigurationProvider).
    /// Options bind from the "Telephony" section and are validated at start.
    /// </summary>
    public static IServiceCollection AddTelephonyRole(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<TelephonyOptions>()
            .Bind(configuration.GetSection(TelephonyOptions.SectionName))
            .PostConfigure<IOptions<OmniSdkOptions>>(UseSdkDeviceIdWhenUnset)
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TelephonyOptions>, TelephonyOptionsValidator>());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TelephonyOptions>, TelephonyOptionsConsistencyValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PromptCatalog>();
        services.TryAddSingleton<CallerHasher>();
        services.TryAddSingleton<CallerNumberResolver>();
        services.TryAddSingleton<OpeningHoursCalendar>();
        services.TryAddSingleton<IvrMenuProvider>();
        services.TryAddSingleton<CallRecorder>();
        services.TryAddSingleton<IvrCallHandler>();
        services.TryAddSingleton<CallDispatcher>();

        // The SIP side (Telephony/Sip: listener, media, the ICallSession adapter) is added by AddSipGateway, so the
        // IVR and its records can be used and tested without a SIP stack.
        return services;
    }

    private static void UseSdkDeviceIdWhenUnset(TelephonyOptions options, IOptions<OmniSdkOptions> sdk)
    {
        if (string.IsNullOrEmpty(options.DeviceId))
        {
            options.DeviceId = sdk.Value.DeviceId;
        }
    }
}
