using Omnichannel.Bench;

return await BenchProgram.RunAsync(args);
