using Microsoft.Extensions.Logging;
using Xunit.Sdk;

namespace Omni.Sdk.Tests.Support;

public sealed class CapturingLoggerProviderTests
{
    [Fact]
    public void AssertNoPersonalData_LineWithSeededValue_Fails()
    {
        using var logs = new CapturingLoggerProvider();
        var logger = logs.CreateLogger("test");
#pragma warning disable CA1848, CA2254, CA1873 // Deliberately the pattern the check must catch.
        logger.LogInformation("Caller {Number} waiting", TestData.Telefoon);
#pragma warning restore CA1848, CA2254, CA1873

        Assert.Throws<FalseException>(() => logs.AssertNoPersonalData(TestData.PersonalData));
    }

    [Fact]
    public void AssertNoPersonalData_PersonalDataOnlyInException_Fails()
    {
        using var logs = new CapturingLoggerProvider();
        var logger = logs.CreateLogger("test");
#pragma warning disable CA1848, CA1873 // Deliberately the pattern the check must catch.
        logger.LogWarning(new InvalidOperationException("bad " + TestData.Bsn), "Lookup failed");
#pragma warning restore CA1848, CA1873

        Assert.Throws<FalseException>(() => logs.AssertNoPersonalData(TestData.PersonalData));
    }
}
