using Google.Protobuf.WellKnownTypes;
using Omni.Contracts.Validation;

namespace Central.Api.Tests.Validation;

public sealed class FieldRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0193A0B2-C3D4-7E8F-9A0B-1C2D3E4F5A6B", "0193a0b2-c3d4-7e8f-9a0b-1c2d3e4f5a6b")]
    [InlineData("0193a0b2-c3d4-7e8f-9a0b-1c2d3e4f5a6b", "0193a0b2-c3d4-7e8f-9a0b-1c2d3e4f5a6b")]
    public void TryNormalizeUuid_HyphenatedForm_ReturnsLowerCase(string input, string expected)
    {
        Assert.True(FieldRules.TryNormalizeUuid(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0193a0b2c3d47e8f9a0b1c2d3e4f5a6b")]
    [InlineData("{0193a0b2-c3d4-7e8f-9a0b-1c2d3e4f5a6b}")]
    [InlineData("0193a0b2-c3d4-7e8f-9a0b-1c2d3e4f5a6")]
    public void TryNormalizeUuid_OtherForms_Fails(string input) =>
        Assert.False(FieldRules.TryNormalizeUuid(input, out _));

    [Theory]
    [InlineData("+31201234567", true)]
    [InlineData("+442071234567", true)]
    [InlineData("0201234567", false)]
    [InlineData("+0201234567", false)]
    [InlineData("+3120123456789012", false)]
    [InlineData("+31 20 1234567", false)]
    public void E164_Number_AcceptsOnlyE164(string number, bool valid)
    {
        var errors = new FieldErrors();

        FieldRules.E164(errors, "terugbelnummer", number, required: true);

        Assert.Equal(valid, errors.IsEmpty);
        Assert.All(errors.Reasons, r => Assert.DoesNotContain(number, r, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(5 * 60, true)]
    [InlineData(5 * 60 + 1, false)]
    [InlineData(-30 * 365 * 24 * 3600, false)]
    public void PastTime_SecondsFromNow_AllowsFiveMinutesOfSkewAndNothingBefore2000(long offsetSeconds, bool valid)
    {
        var errors = new FieldErrors();
        var time = Timestamp.FromDateTimeOffset(Now.AddSeconds(offsetSeconds));

        FieldRules.PastTime(errors, "plaatsgevondenOp", time, Now, required: true);

        Assert.Equal(valid, errors.IsEmpty);
    }

    [Fact]
    public void PastTime_NanosOutOfRange_IsInvalid()
    {
        var errors = new FieldErrors();

        FieldRules.PastTime(errors, "plaatsgevondenOp", new Timestamp { Seconds = 1_800_000_000, Nanos = -1 }, Now, true);

        Assert.Equal("plaatsgevondenOp: is not a valid timestamp", errors.ToString());
    }

    [Fact]
    public void Under_NestedPath_PrefixesFieldNamesInTheSameList()
    {
        var errors = new FieldErrors();

        errors.Under("klantcontact").Under("actor").Add("naam", "is required");
        errors.Add("record_id", "is required");

        Assert.Equal("klantcontact.actor.naam: is required; record_id: is required", errors.ToString());
    }
}
