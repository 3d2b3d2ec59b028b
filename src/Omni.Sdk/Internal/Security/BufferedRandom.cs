using System.Security.Cryptography;

namespace Omni.Sdk.Internal.Security;

/// <summary>
/// Random bytes from the OS's CSPRNG (the same source as <see cref="RandomNumberGenerator"/>), drawn per thread in
/// blocks, so one system call serves many records' nonces and ids instead of one call each.
/// </summary>
internal static class BufferedRandom
{
    private const int BlockSize = 512;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_left;

    public static void Fill(Span<byte> destination)
    {
        if (destination.Length > BlockSize)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        var block = t_block ??= new byte[BlockSize];
        if (t_left < destination.Length)
        {
            RandomNumberGenerator.Fill(block);
            t_left = BlockSize;
        }

        var taken = block.AsSpan(BlockSize - t_left, destination.Length);
        taken.CopyTo(destination);

        // Cleared once handed out, so no path can hand the same bytes out twice.
        taken.Clear();
        t_left -= destination.Length;
    }
}
