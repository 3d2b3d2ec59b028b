namespace Omnichannel.EndToEnd.Tests.Support;

/// <summary>One line of a child process's stdout or stderr.</summary>
internal sealed record OutputLine(string Source, bool IsError, string Text);
