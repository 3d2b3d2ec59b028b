using Omni.Contracts.V1;
using Xunit.Sdk;

namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>The delivery check catches a duplicate, a loss, a stranger and a half-written record.</summary>
public sealed class DeliveryCheckTests
{
    private readonly SeededContacts _seeded = new();

    [Fact]
    public void AssertDelivered_ConfirmedOnceAndUnconfirmedAbsent_Passes()
    {
        var confirmed = _seeded.Next();
        _seeded.Next();

        DeliveryCheck.AssertDelivered([confirmed.Clone()], _seeded.Sent, [confirmed.Uuid]);
    }

    [Fact]
    public void AssertDelivered_RecordTwice_Fails()
    {
        var confirmed = _seeded.Next();

        Klantcontact[] atCentral = [confirmed, confirmed.Clone()];

        Assert.Throws<TrueException>(() => DeliveryCheck.AssertDelivered(atCentral, _seeded.Sent, [confirmed.Uuid]));
    }

    [Fact]
    public void AssertDelivered_ConfirmedMissing_Fails()
    {
        var confirmed = _seeded.Next();

        Assert.Throws<TrueException>(() => DeliveryCheck.AssertDelivered([], _seeded.Sent, [confirmed.Uuid]));
    }

    [Fact]
    public void AssertDelivered_UnconfirmedHalfWritten_Fails()
    {
        var unconfirmed = _seeded.Next().Clone();
        unconfirmed.Inhoud = unconfirmed.Inhoud[..10];

        Assert.Throws<TrueException>(() => DeliveryCheck.AssertDelivered([unconfirmed], _seeded.Sent, []));
    }

    [Fact]
    public void AssertDelivered_RecordNobodySent_Fails()
    {
        var stranger = new Klantcontact { Uuid = Guid.NewGuid().ToString("D") };

        Assert.Throws<TrueException>(() => DeliveryCheck.AssertDelivered([stranger], _seeded.Sent, []));
    }
}
