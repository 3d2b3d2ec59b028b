// Each test starts Central, a gateway and SIP peers as processes and measures real call timing; on a 2-core machine
// they would disturb each other if they ran side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Network namespaces, veth pairs and SIGTERM of product processes, as on the Linux edge devices.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
