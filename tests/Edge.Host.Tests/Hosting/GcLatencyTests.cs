using System.Runtime;
using Edge.Host.Hosting;
using Edge.Host.Tests.Support;

namespace Edge.Host.Tests.Hosting;

public sealed class GcLatencyTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly GCLatencyMode _before = GCSettings.LatencyMode;

    [Fact]
    public void Apply_ConcurrentGc_ReturnsSustainedLowLatency()
    {
        Assert.True(ConcurrentGcEnabled(), "the test host runs without concurrent GC");
        GCSettings.LatencyMode = GCLatencyMode.Interactive;

        var mode = GcLatency.Apply();

        Assert.Equal(GCLatencyMode.SustainedLowLatency, mode);
        Assert.Equal(GCLatencyMode.SustainedLowLatency, GCSettings.LatencyMode);
    }

    [Fact]
    public void CreateBuilder_Start_SetsSustainedLowLatency()
    {
        GCSettings.LatencyMode = GCLatencyMode.Interactive;

        _ = EdgeApplication.CreateBuilder(TestEdgeHost.Arguments(_data));

        Assert.Equal(GCLatencyMode.SustainedLowLatency, GCSettings.LatencyMode);
    }

    [Fact]
    public void EdgeHost_RuntimeConfig_WorkstationConcurrentGc()
    {
        // SustainedLowLatency needs concurrent GC; the shipped runtimeconfig beside Edge.Host.dll must keep it on.
        var path = Path.Combine(
            Path.GetDirectoryName(typeof(GcLatency).Assembly.Location)!, "Edge.Host.runtimeconfig.json");
        var text = File.ReadAllText(path);

        Assert.Contains("\"System.GC.Server\": false", text, StringComparison.Ordinal);
        Assert.Contains("\"System.GC.Concurrent\": true", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        GCSettings.LatencyMode = _before;
        _data.Dispose();
    }

    private static bool ConcurrentGcEnabled() =>
        GC.GetConfigurationVariables().TryGetValue("ConcurrentGC", out var value) && value is true;
}
