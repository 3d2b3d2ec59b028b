using Edge.Host.Hosting;

var builder = EdgeApplication.CreateBuilder(args);

// Roles. The kiosk page will share this host's Kestrel (Edge:HttpUrl). The telephony role registers itself here
// once src/Edge.Host/Telephony provides it:
//     TelephonyServiceCollectionExtensions.AddTelephonyRole(builder.Services, builder.Configuration);

var app = EdgeApplication.Build(builder);
await app.RunAsync();
