using Omni.Contracts.V1;
using Omni.Contracts.Validation;

namespace Omni.Sdk.Internal.Recording;

/// <summary>
/// Applies Central's own record rules (Omni.Contracts.Validation) before anything is stored, so the SDK refuses
/// at append what Central would refuse for good. Reasons name the field, never its value.
/// </summary>
/// <remarks>
/// The time rules ("not more than 5 minutes in the future") run on the SDK's clock. Central checks them again on
/// its own clock when the record arrives, which is never earlier than the append, so a record the SDK accepts is
/// refused there only when this device's clock runs more than 5 minutes ahead of Central's.
/// </remarks>
internal static class RecordValidator
{
    public static FieldErrors Validate(Klantcontact klantcontact, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        KlantcontactValidator.Validate(klantcontact, now, errors);
        return errors;
    }

    public static FieldErrors Validate(InterneTaak interneTaak, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        InterneTaakValidator.Validate(interneTaak, now, errors);
        return errors;
    }
}
