namespace Asl.JsonPath;

/// <summary>
/// java.util.Random's seeded generator (48-bit LCG), so a seeded States.MathRandom is deterministic and follows
/// the JVM algorithm Step Functions runs on.
/// </summary>
internal sealed class JavaRandom(long seed)
{
    private const long Multiplier = 0x5DEECE66DL;
    private const long Mask = (1L << 48) - 1;

    private long _seed = (seed ^ Multiplier) & Mask;

    /// <summary>java.util.Random.nextInt(bound): uniform in [0, bound).</summary>
    public int NextInt(int bound)
    {
        var r = Next(31);
        var m = bound - 1;
        if ((bound & m) == 0)
        {
            return (int)((bound * (long)r) >> 31);
        }

        for (var u = r; u - (r = u % bound) + m < 0; u = Next(31))
        {
        }

        return r;
    }

    private int Next(int bits)
    {
        _seed = ((_seed * Multiplier) + 0xBL) & Mask;
        return (int)((ulong)_seed >> (48 - bits));
    }
}
