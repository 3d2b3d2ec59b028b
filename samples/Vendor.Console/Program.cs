using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omni.Sdk;
using Vendor.Console;

// A vendor app embeds the SDK like this: options from appsettings.json ("Omni") and the command line,
// AddOmniSdk, then IOmniRecorder to record and IOutboxMonitor to watch delivery.
// Settings ship beside the binary, so the content root is the app folder wherever it is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--kanaal"] = "Sample:Kanaal",
    ["--timeout"] = "Sample:TimeoutSeconds",
});

// Logs go to stderr so that stdout carries only what the sample reports.
builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.AddOmniSdk(builder.Configuration.GetSection("Omni"));

// The SDK takes a relative OutboxPath from the content root; a relative KeyFile is made to match.
builder.Services.PostConfigure<OmniSdkOptions>(omni =>
{
    if (omni.KeyFile is { Length: > 0 } keyFile && !Path.IsPathRooted(keyFile))
    {
        omni.KeyFile = Path.Combine(builder.Environment.ContentRootPath, keyFile);
    }
});
builder.Services.AddOptions<SampleOptions>()
    .Bind(builder.Configuration.GetSection(SampleOptions.SectionName))
    .ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<SampleOptions>, SampleOptionsValidator>();
builder.Services.AddSingleton(sp => new VendorSample(
    sp.GetRequiredService<IOmniRecorder>(),
    sp.GetRequiredService<IOutboxMonitor>(),
    sp.GetRequiredService<TimeProvider>(),
    Console.Out));

using var host = builder.Build();
try
{
    await host.StartAsync();
}
catch (Exception exception) when (exception is OptionsValidationException or OutboxKeyException)
{
    // Both messages name the setting or the key file's path, never a secret.
    await Console.Error.WriteLineAsync("configuration error: " + exception.Message);
    return ExitCodes.Misconfigured;
}

var options = host.Services.GetRequiredService<IOptions<SampleOptions>>().Value;
if (!KanaalNames.TryParse(options.Kanaal, out var kanaal))
{
    await Console.Error.WriteLineAsync("configuration error: Sample:Kanaal must be a kanaal name such as webformulier");
    await host.StopAsync();
    return ExitCodes.Misconfigured;
}

var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
var sample = host.Services.GetRequiredService<VendorSample>();
var exitCode = await sample.RunAsync(kanaal, TimeSpan.FromSeconds(options.TimeoutSeconds), stopping);
await host.StopAsync();
return exitCode;
