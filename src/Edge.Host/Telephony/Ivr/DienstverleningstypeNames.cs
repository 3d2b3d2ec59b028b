using Omni.Contracts.V1;

namespace Edge.Host.Telephony.Ivr;

/// <summary>The contract's own spelling of a dienstverleningstype ("algemene_vraag"), as the standards write it.</summary>
internal static class DienstverleningstypeNames
{
    public static string Of(Dienstverleningstype value) =>
        DienstverleningstypeReflection.Descriptor.EnumTypes[0].FindValueByNumber((int)value)?.Name
        ?? ((int)value).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
