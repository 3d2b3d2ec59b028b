using Microsoft.Extensions.Options;

namespace Edge.Host.Hosting;

/// <summary>Source-generated data-annotation validator, so start-up reports every problem at once.</summary>
[OptionsValidator]
internal sealed partial class EdgeOptionsValidator : IValidateOptions<EdgeOptions>
{
}
