using Edge.Host.Telephony.Callers;

namespace Edge.Host.Tests.Telephony.Callers;

public sealed class PhoneNumberNormalizerTests
{
    [Theory]
    [InlineData("0612345678", "+31612345678")]
    [InlineData("+31 6 1234 5678", "+31612345678")]
    [InlineData("0031612345678", "+31612345678")]
    [InlineData("0031 6 12345678", "+31612345678")]
    [InlineData("020-1234567", "+31201234567")]
    [InlineData("(020) 123 45 67", "+31201234567")]
    [InlineData("+49 30 12345678", "+493012345678")]
    [InlineData("0049 30 12345678", "+493012345678")]
    [InlineData("sip:0612345678@trunk.example;user=phone", "+31612345678")]
    [InlineData("sips:+31612345678@127.0.0.1:5061", "+31612345678")]
    [InlineData("\"Jan de Vries\" <sip:0201234567@127.0.0.1>;tag=8f2a", "+31201234567")]
    [InlineData("<sip:%2B31612345678@127.0.0.1>", "+31612345678")]
    [InlineData("tel:+31-20-1234567", "+31201234567")]
    [InlineData("<tel:+31612345678;phone-context=+31>", "+31612345678")]
    [InlineData("sip:0612345678:secret@127.0.0.1", "+31612345678")]
    public void ToE164_DutchOrInternationalNumber_ReturnsE164(string value, string expected) =>
        Assert.Equal(expected, PhoneNumberNormalizer.ToE164(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("garbage")]
    [InlineData("sip:anonymous@anonymous.invalid")]
    [InlineData("\"Anonymous\" <sip:anonymous@anonymous.invalid>")]
    [InlineData("sip:restricted@127.0.0.1")]
    [InlineData("sip:127.0.0.1")]
    [InlineData("12")]
    [InlineData("06123")]
    [InlineData("0612345678901234")]
    [InlineData("0800-FLOWERS")]
    [InlineData("+31+612345678")]
    [InlineData("<sip:%ZZ@127.0.0.1>")]
    [InlineData("sip:06%0A12345678@127.0.0.1")]
    public void ToE164_AnonymousOrGarbage_ReturnsNull(string? value) =>
        Assert.Null(PhoneNumberNormalizer.ToE164(value));
}
