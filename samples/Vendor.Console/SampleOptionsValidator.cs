using Microsoft.Extensions.Options;

namespace Vendor.Console;

/// <summary>Source-generated data-annotation validator for <see cref="SampleOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class SampleOptionsValidator : IValidateOptions<SampleOptions>
{
}
