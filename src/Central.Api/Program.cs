using Central.Api;

await using var app = CentralApp.Build(args);
await app.RunAsync();
