using System.Text;

namespace Template;

/// <summary>
/// Parses <c>--parameter-overrides</c> the way SAM CLI takes them: <c>Key=Value Key2="a b"</c> and
/// <c>ParameterKey=K,ParameterValue=V</c>, given as one string or as several arguments.
/// </summary>
public static class ParameterOverrides
{
    /// <summary>Parses every argument and merges them; a later key wins, as in SAM CLI.</summary>
    /// <exception cref="FormatException">A token is not <c>Key=Value</c>.</exception>
    public static IReadOnlyDictionary<string, string> Parse(params IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in arguments.SelectMany(Tokens))
        {
            var (key, value) = Pair(token);
            result[key] = value;
        }

        return result;
    }

    private static (string Key, string Value) Pair(string token)
    {
        const string LongKey = "ParameterKey=";
        const string LongValue = ",ParameterValue=";
        if (token.StartsWith(LongKey, StringComparison.Ordinal))
        {
            var split = token.IndexOf(LongValue, StringComparison.Ordinal);
            if (split > LongKey.Length)
            {
                return (token[LongKey.Length..split], token[(split + LongValue.Length)..]);
            }
        }
        else
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                return (token[..equals], token[(equals + 1)..]);
            }
        }

        throw new FormatException($"parameter override '{token}' is not Key=Value or ParameterKey=Key,ParameterValue=Value");
    }

    /// <summary>Splits on unquoted spaces; double quotes group and are removed, a backslash escapes the next character.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
                any = true;
            }
            else if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    yield return current.ToString();
                }

                current.Clear();
                any = false;
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (quoted)
        {
            throw new FormatException($"parameter overrides '{text}' have an unclosed double quote");
        }

        if (any)
        {
            yield return current.ToString();
        }
    }
}
