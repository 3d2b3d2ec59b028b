using Microsoft.Extensions.Options;

namespace Edge.Host.Telephony;

/// <summary>Checks the data annotations of <see cref="TelephonyOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class TelephonyOptionsValidator : IValidateOptions<TelephonyOptions>;
