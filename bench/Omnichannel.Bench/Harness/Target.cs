using System.Globalization;

namespace Omnichannel.Bench.Harness;

/// <summary>A ratio the product must reach (at least) or stay under (at most), relative to its reference.</summary>
internal sealed record Target(double Ratio, bool AtLeast)
{
    public static Target Minimum(double ratio) => new(ratio, AtLeast: true);

    public static Target Maximum(double ratio) => new(ratio, AtLeast: false);

    public bool IsMetBy(double ratio) => AtLeast ? ratio >= Ratio : ratio <= Ratio;

    public override string ToString() =>
        (AtLeast ? ">= " : "<= ") + Ratio.ToString("0.##", CultureInfo.InvariantCulture) + "x";
}
