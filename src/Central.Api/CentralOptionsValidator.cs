using Microsoft.Extensions.Options;

namespace Central.Api;

/// <summary>Checks every <see cref="CentralOptions"/> rule at start-up and reports all problems at once.</summary>
[OptionsValidator]
internal sealed partial class CentralOptionsValidator : IValidateOptions<CentralOptions>;
