using System.Globalization;
using System.Text;

namespace Asl;

/// <summary>
/// Finds the first JSON syntax error in a definition and words it the way AWS's parser (Jackson) does, with its
/// <c>[Source: (String)"…"; line: L, column: C]</c> location. It only runs once the fast parser has already failed.
/// </summary>
internal static class JsonSyntaxErrorDescriber
{
    private const int SourceExcerptLength = 500;
    private const string ExpectedValue = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

    private enum Expect
    {
        Value,
        ValueOrArrayEnd,
        NameOrObjectEnd,
        Name,
        Colon,
        ObjectSeparator,
        ArraySeparator,
        Done,
    }

    /// <summary>Returns the INVALID_JSON_DESCRIPTION diagnostic for text that does not parse.</summary>
    public static AslDiagnostic Describe(string text, string fallbackProblem)
    {
        var (problem, index) = FindProblem(text) ?? (fallbackProblem, text.Length);
        var location = SourceLocation(text, index);
        return new AslDiagnostic(DiagnosticCode.InvalidJson, $"{problem}\n at {location}", location);
    }

    private static (string Problem, int Index)? FindProblem(string text)
    {
        var containers = new Stack<(char Kind, int Start)>();
        var expect = Expect.Value;
        var i = 0;
        while (true)
        {
            while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\r')
            {
                i++;
            }

            if (expect == Expect.Done)
            {
                return null;
            }

            if (i >= text.Length)
            {
                return containers.Count == 0
                    ? ("No content to map due to end-of-input", i)
                    : EndOfInput(text, containers.Peek());
            }

            var c = text[i];
            switch (expect)
            {
                case Expect.Value or Expect.ValueOrArrayEnd:
                    if (c == ']' && expect == Expect.ValueOrArrayEnd)
                    {
                        i++;
                        expect = Close(containers);
                        continue;
                    }

                    if (c == '{')
                    {
                        containers.Push(('{', i));
                        i++;
                        expect = Expect.NameOrObjectEnd;
                        continue;
                    }

                    if (c == '[')
                    {
                        containers.Push(('[', i));
                        i++;
                        expect = Expect.ValueOrArrayEnd;
                        continue;
                    }

                    var scalarProblem = ScanScalar(text, ref i);
                    if (scalarProblem is not null)
                    {
                        return scalarProblem;
                    }

                    expect = AfterValue(containers);
                    continue;
                case Expect.NameOrObjectEnd or Expect.Name:
                    if (c == '}' && expect == Expect.NameOrObjectEnd)
                    {
                        i++;
                        expect = Close(containers);
                        continue;
                    }

                    if (c != '"')
                    {
                        return (Unexpected(c, "was expecting double-quote to start field name"), i + 1);
                    }

                    var nameProblem = ScanString(text, ref i);
                    if (nameProblem is not null)
                    {
                        return nameProblem;
                    }

                    expect = Expect.Colon;
                    continue;
                case Expect.Colon:
                    if (c != ':')
                    {
                        return (Unexpected(c, "was expecting a colon to separate field name and value"), i + 1);
                    }

                    i++;
                    expect = Expect.Value;
                    continue;
                default:
                    var objectEntries = expect == Expect.ObjectSeparator;
                    if (c == ',')
                    {
                        i++;
                        expect = objectEntries ? Expect.Name : Expect.Value;
                        continue;
                    }

                    if (c == (objectEntries ? '}' : ']'))
                    {
                        i++;
                        expect = Close(containers);
                        continue;
                    }

                    return (Unexpected(c, $"was expecting comma to separate {(objectEntries ? "Object" : "Array")} entries"), i + 1);
            }
        }
    }

    private static Expect Close(Stack<(char Kind, int Start)> containers)
    {
        containers.Pop();
        return AfterValue(containers);
    }

    private static Expect AfterValue(Stack<(char Kind, int Start)> containers) =>
        containers.Count == 0 ? Expect.Done : containers.Peek().Kind == '{' ? Expect.ObjectSeparator : Expect.ArraySeparator;

    private static (string, int) EndOfInput(string text, (char Kind, int Start) open)
    {
        var kind = open.Kind == '{' ? "Object" : "Array";
        return ($"Unexpected end-of-input: expected close marker for {kind} (start marker at {SourceLocation(text, open.Start)})", text.Length);
    }

    private static (string, int)? ScanScalar(string text, ref int i)
    {
        var c = text[i];
        if (c == '"')
        {
            return ScanString(text, ref i);
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ScanNumber(text, ref i);
        }

        if (char.IsAsciiLetter(c))
        {
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$'))
            {
                i++;
            }

            var token = text[start..i];
            return token is "true" or "false" or "null" ? null : ($"Unrecognized token '{token}': was expecting {ExpectedValue}", i);
        }

        return (Unexpected(c, $"expected a valid value {ExpectedValue}"), i + 1);
    }

    private static (string, int)? ScanString(string text, ref int i)
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                return null;
            }

            if (c < ' ')
            {
                return ($"Illegal unquoted character ((CTRL-CHAR, code {(int)c})): has to be escaped using backslash to be included in string value", i + 1);
            }

            if (c == '\\')
            {
                i++;
                if (i >= text.Length)
                {
                    break;
                }

                var escaped = text[i];
                if (escaped == 'u')
                {
                    for (var k = 1; k <= 4; k++)
                    {
                        if (i + k >= text.Length || !char.IsAsciiHexDigit(text[i + k]))
                        {
                            return ("Unexpected character in Unicode escape sequence: expected a hex-digit for character escape sequence", i + k + 1);
                        }
                    }

                    i += 4;
                }
                else if (escaped is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't'))
                {
                    return ($"Unrecognized character escape {Quoted(escaped)}", i + 1);
                }
            }

            i++;
        }

        return ("Unexpected end-of-input: was expecting closing quote for a string value", text.Length);
    }

    private static (string, int)? ScanNumber(string text, ref int i)
    {
        if (text[i] == '-')
        {
            i++;
            if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            {
                var found = i < text.Length ? text[i] : ' ';
                return ($"Unexpected character ({Quoted(found)}) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value", i + 1);
            }
        }

        if (text[i] == '0' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            return ("Invalid numeric value: Leading zeroes not allowed", i + 2);
        }

        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or 'e' or 'E' or '+' or '-'))
        {
            i++;
        }

        return null;
    }

    private static string Unexpected(char c, string expectation) => $"Unexpected character ({Quoted(c)}): {expectation}";

    private static string Quoted(char c) => $"'{c}' (code {((int)c).ToString(CultureInfo.InvariantCulture)})";

    private static string SourceLocation(string text, int consumed)
    {
        var line = 1;
        var lineStart = 0;
        var end = Math.Min(consumed, text.Length);
        for (var k = 0; k < end; k++)
        {
            if (text[k] == '\n')
            {
                line++;
                lineStart = k + 1;
            }
        }

        var excerpt = new StringBuilder("[Source: (String)\"");
        excerpt.Append(text.AsSpan(0, Math.Min(text.Length, SourceExcerptLength))).Append('"');
        if (text.Length > SourceExcerptLength)
        {
            excerpt.Append(CultureInfo.InvariantCulture, $"[truncated {text.Length - SourceExcerptLength} chars]");
        }

        excerpt.Append(CultureInfo.InvariantCulture, $"; line: {line}, column: {consumed - lineStart + 1}]");
        return excerpt.ToString();
    }
}
