using Xunit.Sdk;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>The personal-data check of every end-to-end test can fail, and fails for the right lines only.</summary>
public sealed class PersonalDataGuardTests
{
    private readonly SeededContacts _seeded = new();
    private readonly ProcessOutput _output;

    public PersonalDataGuardTests()
    {
        _output = new ProcessOutput(text => PersonalDataGuard.Holds(text, _seeded));
        _output.Add("edge#1", isError: false, "info: Klantcontact 01a2 is durable at sequence 31612345678");
    }

    [Fact]
    public void AssertClean_OnlyIdsAndCounts_Passes()
    {
        _seeded.Next();

        PersonalDataGuard.AssertClean(_output, _seeded);
    }

    [Fact]
    public void AssertClean_InhoudInALine_Fails()
    {
        var klantcontact = _seeded.Next();
        _output.Add("central#1", isError: true, "body was " + klantcontact.Inhoud.ToUpperInvariant());

        Assert.Throws<FalseException>(() => PersonalDataGuard.AssertClean(_output, _seeded));
    }

    [Theory]
    [InlineData("caller {0}")]
    [InlineData("caller {0} hung up")]
    [InlineData("tel:00{0}")]
    public void AssertClean_PhoneNumberInALine_Fails(string format)
    {
        var phone = _seeded.Next().Betrokkenen[0].DigitaalAdres.Adres;
        var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, phone);
        _output.Add("edge#2", isError: false, line);

        Assert.Throws<FalseException>(() => PersonalDataGuard.AssertClean(_output, _seeded));
    }

    [Fact]
    public void AssertClean_PhoneNumberWithSpaces_Fails()
    {
        var phone = _seeded.Next().Betrokkenen[0].DigitaalAdres.Adres;
        _output.Add("edge#2", isError: false, $"caller {phone[..3]} {phone[3..4]} {phone[4..8]} {phone[8..]}");

        Assert.Throws<FalseException>(() => PersonalDataGuard.AssertClean(_output, _seeded));
    }

    [Fact]
    public void Tail_LineWithPersonalData_IsWithheld()
    {
        var klantcontact = _seeded.Next();
        _output.Add("edge#3", isError: false, "naam " + klantcontact.Actor.Naam);

        Assert.DoesNotContain(_seeded.Marker, _output.Tail(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("withheld", _output.Tail(), StringComparison.Ordinal);
    }
}
