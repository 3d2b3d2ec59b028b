// The tests start real processes and measure delivery under kill -9; on a 2-core machine they would disturb each
// other's timing (and the S8 time budget) if they ran side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// SIGKILL and SIGTERM of product processes, and owner-only key files, as on the Linux edge devices.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
