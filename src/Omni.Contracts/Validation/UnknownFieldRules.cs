using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Omni.Contracts.V1;

namespace Omni.Contracts.Validation;

/// <summary>
/// Refuses a message that carries fields this build's contract does not know. Protobuf keeps such fields when it
/// parses (and writes them out again), so without this check they would be stored and returned unseen by every
/// other rule, including the rule that personal data lives only in known, validated fields.
/// </summary>
/// <remarks>
/// The generated messages hold what they did not know in a private field, <c>_unknownFields</c>, null when there
/// was none. Reading it through <see cref="UnsafeAccessorAttribute"/> costs a field load per message: no
/// reflection and no second serialisation on the ingest path. A Google.Protobuf release that renames the field
/// makes the accessors throw <see cref="MissingFieldException"/>; the tests send real unknown fields on the wire,
/// so such an upgrade fails them instead of silently accepting unknown fields.
/// </remarks>
public static class UnknownFieldRules
{
    /// <summary>At most this many field numbers are named in one reason.</summary>
    public const int MaxNumbersNamed = 10;

    private const string FieldName = "_unknownFields";

    /// <summary>
    /// Adds a reason for "<paramref name="path"/>.unknownFields" (just "unknownFields" for the root, whose
    /// <paramref name="path"/> is empty) that names the unknown field numbers, never their values.
    /// </summary>
    public static void Check(FieldErrors errors, string path, Klantcontact message) =>
        Add(errors, path, UnknownFields(message));

    /// <inheritdoc cref="Check(FieldErrors, string, Klantcontact)"/>
    public static void Check(FieldErrors errors, string path, Betrokkene message) =>
        Add(errors, path, UnknownFields(message));

    /// <inheritdoc cref="Check(FieldErrors, string, Klantcontact)"/>
    public static void Check(FieldErrors errors, string path, DigitaalAdres message) =>
        Add(errors, path, UnknownFields(message));

    /// <inheritdoc cref="Check(FieldErrors, string, Klantcontact)"/>
    public static void Check(FieldErrors errors, string path, Actor message) =>
        Add(errors, path, UnknownFields(message));

    /// <inheritdoc cref="Check(FieldErrors, string, Klantcontact)"/>
    public static void Check(FieldErrors errors, string path, InterneTaak message) =>
        Add(errors, path, UnknownFields(message));

    /// <inheritdoc cref="Check(FieldErrors, string, Klantcontact)"/>
    public static void Check(FieldErrors errors, string path, Timestamp message) =>
        Add(errors, path, UnknownFields(message));

    private static void Add(FieldErrors errors, string path, UnknownFieldSet? unknown)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(path);
        if (unknown is null)
        {
            return;
        }

        var field = path.Length == 0 ? "unknownFields" : path + ".unknownFields";
        var numbers = string.Join(", ", FieldNumbers(unknown));
        errors.Add(field, $"field numbers {numbers} are not in this contract");
    }

    // Only on refusal: the set is written out once to read its tags, as the set lists no field numbers itself.
    private static IEnumerable<int> FieldNumbers(UnknownFieldSet unknown)
    {
        var input = new CodedInputStream(ToBytes(unknown));
        var numbers = new SortedSet<int>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            numbers.Add(WireFormat.GetTagFieldNumber(tag));
            input.SkipLastField();
        }

        return numbers.Take(MaxNumbersNamed);
    }

    private static byte[] ToBytes(UnknownFieldSet unknown)
    {
        var bytes = new byte[unknown.CalculateSize()];
        var output = new CodedOutputStream(bytes);
        unknown.WriteTo(output);
        output.Flush();
        return bytes;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = FieldName)]
    private static extern ref UnknownFieldSet? UnknownFields(Klantcontact message);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = FieldName)]
    private static extern ref UnknownFieldSet? UnknownFields(Betrokkene message);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = FieldName)]
    private static extern ref UnknownFieldSet? UnknownFields(DigitaalAdres message);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = FieldName)]
    private static extern ref UnknownFieldSet? UnknownFields(Actor message);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = FieldName)]
    private static extern ref UnknownFieldSet? UnknownFields(InterneTaak message);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = FieldName)]
    private static extern ref UnknownFieldSet? UnknownFields(Timestamp message);
}
