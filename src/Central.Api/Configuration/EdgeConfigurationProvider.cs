using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Omni.Contracts.V1;

namespace Central.Api.Configuration;

/// <summary>
/// Serves the edge configuration: from the file in Central:EdgeConfigurationFile, or the built-in default.
/// The JSON uses the protobuf JSON names, the same as the REST API. Loaded and checked once at start so
/// a broken file stops Central instead of reaching the edges.
/// </summary>
internal sealed partial class EdgeConfigurationProvider(
    IOptions<CentralOptions> options,
    IHostEnvironment environment,
    ILogger<EdgeConfigurationProvider> logger)
{
    private const string DefaultResource = "Central.Api.Configuration.DefaultEdgeConfiguration.json";
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
    private EdgeConfiguration? _current;

    /// <summary>The configuration with its version set; <see cref="LoadAsync"/> must have run.</summary>
    public EdgeConfiguration Current =>
        _current ?? throw new InvalidOperationException("The edge configuration is not loaded yet.");

    // Limitation: a changed file is picked up at the next start; edges see the new version after that.
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var file = options.Value.EdgeConfigurationFile;
        var source = string.IsNullOrEmpty(file) ? "default" : "file";
        var json = string.IsNullOrEmpty(file)
            ? await ReadDefaultAsync(cancellationToken)
            : await ReadFileAsync(file, cancellationToken);
        var configuration = Parse(json);
        var errors = EdgeConfigurationValidator.Validate(configuration);
        if (!errors.IsEmpty)
        {
            throw new InvalidOperationException($"The edge configuration ({source}) is invalid: {errors}");
        }

        configuration.Version = ComputeVersion(configuration);
        _current = configuration;
        Log.ConfigurationLoaded(logger, source, configuration.Version);
    }

    /// <summary>A hash of everything but the version itself; protobuf serialisation of one message is stable.</summary>
    public static string ComputeVersion(EdgeConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var content = configuration.Clone();
        content.Version = string.Empty;
        return Convert.ToHexStringLower(SHA256.HashData(content.ToByteArray()).AsSpan(0, 16));
    }

    private static EdgeConfiguration Parse(string json)
    {
        try
        {
            return Parser.Parse<EdgeConfiguration>(json);
        }
        catch (InvalidJsonException exception)
        {
            throw new InvalidOperationException("The edge configuration is not valid JSON.", exception);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new InvalidOperationException("The edge configuration does not match EdgeConfiguration.", exception);
        }
    }

    private async Task<string> ReadFileAsync(string file, CancellationToken cancellationToken) =>
        await File.ReadAllTextAsync(Path.Combine(environment.ContentRootPath, file), cancellationToken);

    private static async Task<string> ReadDefaultAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(EdgeConfigurationProvider).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException("The built-in edge configuration resource is missing.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
