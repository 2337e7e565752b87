using Jsonata;

namespace Asl;

/// <summary>
/// Compiles expression text once at definition load. The parser recurses per nesting level, so a long expression is
/// parsed on a thread with a large stack: a deeply nested (validated) expression never overflows the caller's.
/// </summary>
internal static class JsonataCompilation
{
    private const int InlineLength = 256;
    private const int LargeStackBytes = 64 * 1024 * 1024;

    public static JsonataExpression Compile(string body)
    {
        if (body.Length <= InlineLength)
        {
            return JsonataExpression.Compile(body);
        }

        JsonataExpression? compiled = null;
        JsonataException? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    compiled = JsonataExpression.Compile(body);
                }
                catch (JsonataException e)
                {
                    failure = e;
                }
            },
            LargeStackBytes);
        thread.Start();
        thread.Join();
        return failure is null ? compiled! : throw failure;
    }
}
