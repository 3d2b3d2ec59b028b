using Edge.Host.Hosting;
using Edge.Host.Telephony;
using Edge.Host.Telephony.Sip;
using Microsoft.Extensions.Options;
using Omni.Sdk;

var builder = EdgeApplication.CreateBuilder(args);

// Roles. The kiosk page will share this host's Kestrel (Edge:HttpUrl). The telephony gateway (SIP on
// Telephony:SipListenAddress:SipListenPort) is on unless Telephony:Enabled is false.
if (builder.Configuration.GetValue("Telephony:Enabled", defaultValue: true))
{
    builder.Services.AddTelephonyRole(builder.Configuration).AddSipGateway();
}

// EX_CONFIG (sysexits.h): the edge refused to start; restarting it will not help until an operator acts.
const int exitCodeCannotStart = 78;

// EX_TEMPFAIL (sysexits.h): a port is held by another process; systemd's Restart=on-failure tries again.
const int exitCodePortInUse = 75;

var app = EdgeApplication.Build(builder);
try
{
    await app.RunAsync();
}
catch (Exception exception) when (exception is OutboxCorruptException or OutboxKeyException or OptionsValidationException)
{
    // A refusal to start, not a crash: one line that names the file or setting (never a value or the key) instead
    // of an unhandled exception that aborts the process (SIGABRT, exit 134) and may leave a core dump that holds
    // the outbox key.
    await Console.Error.WriteLineAsync("Edge.Host cannot start: " + exception.Message);
    return exitCodeCannotStart;
}
catch (Exception exception) when (AddressInUse.IsCauseOf(exception))
{
    // The HTTP (Edge:HttpUrl) or SIP (Telephony:SipListenPort) port is taken: say which, in one line, not a crash.
    await Console.Error.WriteLineAsync("Edge.Host cannot start: a listening port is already in use by another process: "
        + exception.Message);
    return exitCodePortInUse;
}

return 0;
