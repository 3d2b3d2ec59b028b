using Edge.Sip.Internal.Timers;

namespace Edge.Sip.Internal.Transactions;

/// <summary>Schedules a callback on the shared timer queue, run under the user agent's lock.</summary>
internal delegate TimerHandle Scheduler(TimeSpan delay, Action callback);
