using Google.Protobuf.Reflection;
using Omni.Contracts.V1;

namespace Vendor.Console;

/// <summary>Maps the proto's enum value names ("telefoon", "webformulier") to <see cref="Kanaal"/>.</summary>
internal static class KanaalNames
{
    private static readonly EnumDescriptor Descriptor =
        KanaalReflection.Descriptor.EnumTypes.Single(type => type.ClrType == typeof(Kanaal));

    public static bool TryParse(string name, out Kanaal kanaal)
    {
        var value = Descriptor.FindValueByName(name);
        kanaal = value is null ? Kanaal.Unspecified : (Kanaal)value.Number;
        return kanaal != Kanaal.Unspecified;
    }
}
