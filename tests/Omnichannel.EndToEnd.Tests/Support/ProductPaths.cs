namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>The built products, in the configuration and target framework of this test assembly.</summary>
internal static class ProductPaths
{
    private static readonly DirectoryInfo OutputFolder =
        new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static string Root { get; } = FindRoot();

    public static string CentralApi => Assembly("src", "Central.Api");

    public static string EdgeHost => Assembly("src", "Edge.Host");

    public static string VendorConsole => Assembly("samples", "Vendor.Console");

    /// <summary>The dotnet host that runs this test, so the products run on the same runtime.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    private static string Assembly(string folder, string project)
    {
        // bin/<Configuration>/<TargetFramework>/: the ProjectReferences build the products the same way.
        var configuration = OutputFolder.Parent!.Name;
        var path = Path.Combine(Root, folder, project, "bin", configuration, OutputFolder.Name, project + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Build {folder}/{project} ({configuration}) first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = OutputFolder; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omnichannel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Omnichannel.sln) is not above the test output.");
    }
}
