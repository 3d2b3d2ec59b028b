namespace Omnichannel.Bench.Harness;

/// <summary>A product figure, the reference figure measured in the same run, their ratio and the target.</summary>
internal sealed record Measurement(
    string Id,
    string Name,
    double Product,
    string ProductUnit,
    double Reference,
    string ReferenceUnit,
    Target Target)
{
    public double Ratio => Product / Reference;

    public bool Passed => Target.IsMetBy(Ratio);
}
