using Edge.Host.Liveness;

namespace Edge.Host.Tests.Fakes;

internal sealed class FakeLivenessProbe(string name) : ILivenessProbe
{
    public string Name { get; } = name;

    public bool Alive { get; set; } = true;

    public bool IsAlive() => Alive;
}
