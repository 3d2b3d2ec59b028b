using System.Globalization;

namespace Omnichannel.Bench;

/// <summary>What to run and how much. Counts are per round; every figure is the median over the rounds.</summary>
internal sealed record BenchSettings
{
    public const string Usage = """
        usage: Omnichannel.Bench <outbox|ingest|all> [--rounds=N] [--dir=PATH] [--scale=F]
          outbox   1. appends/s with 64 producers, 2. p99 append latency with 8 producers (same reference)
          ingest   3. Central ingest of 100,000 klantcontacten in batches of 500 over gRPC on 127.0.0.1
          --rounds rounds per benchmark, product and reference interleaved (default 5 outbox, 3 ingest)
          --dir    folder for the temporary databases (default the system temp folder); one disk for all
          --scale  multiplies every count, e.g. 0.05 for a quick smoke run (default 1)
        """;

    public string Suite { get; init; } = "all";

    public string Directory { get; init; } = Path.GetTempPath();

    public int? Rounds { get; init; }

    public double Scale { get; init; } = 1;

    public int OutboxRounds => Rounds ?? 5;

    public int IngestRounds => Rounds ?? 3;

    /// <summary>Appends per producer in the 64-producer throughput run.</summary>
    public int ThroughputAppendsPerProducer => Scaled(400);

    /// <summary>Appends per producer in the 8-producer latency run.</summary>
    public int LatencyAppendsPerProducer => Scaled(500);

    /// <summary>One-row commits per reference round; their count and p99 are the reference of (1) and (2).</summary>
    public int ReferenceCommits => Scaled(3000);

    public int IngestRecords => Scaled(100_000);

    public static int IngestBatchSize => 500;

    public static BenchSettings? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] is not ("outbox" or "ingest" or "all"))
        {
            return null;
        }

        var settings = new BenchSettings { Suite = args[0] };
        foreach (var arg in args.Skip(1))
        {
            settings = Apply(settings, arg);
            if (settings is null)
            {
                return null;
            }
        }

        return settings;
    }

    private static BenchSettings? Apply(BenchSettings settings, string arg)
    {
        var parts = arg.Split('=', 2);
        var value = parts.Length == 2 ? parts[1] : string.Empty;
        return parts[0] switch
        {
            "--rounds" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 =>
                settings with { Rounds = n },
            "--dir" when value.Length > 0 => settings with { Directory = value },
            "--scale" when double.TryParse(value, CultureInfo.InvariantCulture, out var f) && f is > 0 and <= 10 =>
                settings with { Scale = f },
            _ => null,
        };
    }

    private int Scaled(int count) => Math.Max(1, (int)(count * Scale));
}
