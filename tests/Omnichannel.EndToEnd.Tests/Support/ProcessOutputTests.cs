using Xunit.Sdk;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>The error check of every end-to-end test fails on error logs and crashes, except what a test expects.</summary>
public sealed class ProcessOutputTests
{
    private readonly ProcessOutput _output = new(_ => false);

    public ProcessOutputTests()
    {
        _output.Add("edge#1", isError: false, "info: Omni.Sdk.Internal.Sending.OutboxSender[1100]");
        _output.Add("edge#1", isError: false, "warn: Omni.Sdk.Internal.Sending.OutboxSender[1102]");
    }

    [Fact]
    public void AssertNoErrors_InformationAndWarnings_Passes() => _output.AssertNoErrors();

    [Theory]
    [InlineData("fail: Central.Api.Sync.EdgeSyncService[2009]")]
    [InlineData("crit: Microsoft.AspNetCore.Server.Kestrel[0]")]
    [InlineData("Unhandled exception. System.InvalidOperationException: boom")]
    public void AssertNoErrors_ErrorOrCrash_Fails(string line)
    {
        _output.Add("central#1", isError: true, line);

        Assert.Throws<FailException>(() => _output.AssertNoErrors());
    }

    [Fact]
    public void AssertNoErrors_ErrorOfAnExpectedCategory_Passes()
    {
        _output.Add("edge#2", isError: false, "fail: Microsoft.Extensions.Hosting.Internal.Host[11]");

        _output.AssertNoErrors("Microsoft.Extensions.Hosting.Internal.Host");
    }
}
