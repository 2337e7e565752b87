namespace Template;

/// <summary>A piece of an <c>Fn::Sub</c> string: literal text, or a <c>${Name}</c> variable.</summary>
internal readonly record struct SubPart(bool IsVariable, string Text)
{
    /// <summary>Splits a Sub string; <c>${!Literal}</c> becomes the literal text <c>${Literal}</c>.</summary>
    /// <returns>The parts, or null when a <c>${</c> is never closed.</returns>
    public static IReadOnlyList<SubPart>? Parse(string text)
    {
        var parts = new List<SubPart>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }

            var close = text.IndexOf('}', open + 2);
            if (close < 0)
            {
                return null;
            }

            literal.Append(text, i, open - i);
            var name = text[(open + 2)..close];
            if (name.StartsWith('!'))
            {
                literal.Append("${").Append(name, 1, name.Length - 1).Append('}');
            }
            else
            {
                parts.Add(new SubPart(false, literal.ToString()));
                literal.Clear();
                parts.Add(new SubPart(true, name.Trim()));
            }

            i = close + 1;
        }

        parts.Add(new SubPart(false, literal.ToString()));
        return parts;
    }
}
