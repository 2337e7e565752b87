using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>Parses <c>States.Name(arg, ...)</c> with ASL's literals, escapes, path arguments and nesting rules.</summary>
internal sealed class IntrinsicParser
{
    /// <summary>AWS allows intrinsic functions nested up to 10 deep in one field.</summary>
    public const int MaxNesting = 10;

    private const string Prefix = "States.";

    private static readonly Dictionary<string, (IntrinsicName Name, int Min, int Max)> Signatures = new(StringComparer.Ordinal)
    {
        ["Format"] = (IntrinsicName.Format, 1, int.MaxValue),
        ["StringToJson"] = (IntrinsicName.StringToJson, 1, 1),
        ["JsonToString"] = (IntrinsicName.JsonToString, 1, 1),
        ["Array"] = (IntrinsicName.Array, 0, int.MaxValue),
        ["ArrayPartition"] = (IntrinsicName.ArrayPartition, 2, 2),
        ["ArrayContains"] = (IntrinsicName.ArrayContains, 2, 2),
        ["ArrayRange"] = (IntrinsicName.ArrayRange, 3, 3),
        ["ArrayGetItem"] = (IntrinsicName.ArrayGetItem, 2, 2),
        ["ArrayLength"] = (IntrinsicName.ArrayLength, 1, 1),
        ["ArrayUnique"] = (IntrinsicName.ArrayUnique, 1, 1),
        ["Base64Encode"] = (IntrinsicName.Base64Encode, 1, 1),
        ["Base64Decode"] = (IntrinsicName.Base64Decode, 1, 1),
        ["Hash"] = (IntrinsicName.Hash, 2, 2),
        ["JsonMerge"] = (IntrinsicName.JsonMerge, 3, 3),
        ["MathRandom"] = (IntrinsicName.MathRandom, 2, 3),
        ["MathAdd"] = (IntrinsicName.MathAdd, 2, 2),
        ["StringSplit"] = (IntrinsicName.StringSplit, 2, 2),
        ["UUID"] = (IntrinsicName.UUID, 0, 0),
    };

    private readonly string _text;
    private int _pos;

    private IntrinsicParser(string text)
    {
        _text = text;
    }

    public static IntrinsicCall Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > PathParser.MaxPathLength)
        {
            throw new IntrinsicSyntaxException($"The intrinsic function call is longer than {PathParser.MaxPathLength} characters.");
        }

        var parser = new IntrinsicParser(text);
        parser.SkipSpaces();
        var call = parser.ParseCall(1);
        parser.SkipSpaces();
        if (parser._pos != text.Length)
        {
            throw parser.Error("unexpected text after the closing ')'");
        }

        return call;
    }

    /// <summary>A quick shape test: <c>States.Name(</c> at the start.</summary>
    public static bool LooksLikeCall(string text)
    {
        var span = text.AsSpan().TrimStart();
        if (!span.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        span = span[Prefix.Length..];
        var open = span.IndexOf('(');
        return open > 0 && IsIdentifier(span[..open].TrimEnd());
    }

    private static bool IsIdentifier(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return name.Length > 0;
    }

    private IntrinsicCall ParseCall(int depth)
    {
        if (depth > MaxNesting)
        {
            throw Error($"intrinsic functions may be nested at most {MaxNesting} deep");
        }

        if (string.CompareOrdinal(_text, _pos, Prefix, 0, Prefix.Length) != 0)
        {
            throw Error("an intrinsic function name must start with 'States.'");
        }

        var start = _pos;
        _pos += Prefix.Length;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        var shortName = _text[(start + Prefix.Length).._pos];
        if (!Signatures.TryGetValue(shortName, out var signature))
        {
            throw Error($"'{_text[start.._pos]}' is not an intrinsic function");
        }

        SkipSpaces();
        Expect('(');
        var arguments = new List<IntrinsicArgument>();
        SkipSpaces();
        if (_pos < _text.Length && _text[_pos] == ')')
        {
            _pos++;
        }
        else
        {
            while (true)
            {
                SkipSpaces();
                arguments.Add(ParseArgument(depth));
                SkipSpaces();
                if (_pos < _text.Length && _text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                Expect(')');
                break;
            }
        }

        if (arguments.Count < signature.Min || arguments.Count > signature.Max)
        {
            var expected = signature.Min == signature.Max ? signature.Min.ToString(CultureInfo.InvariantCulture)
                : signature.Max == int.MaxValue ? "at least " + signature.Min.ToString(CultureInfo.InvariantCulture)
                : $"{signature.Min.ToString(CultureInfo.InvariantCulture)} to {signature.Max.ToString(CultureInfo.InvariantCulture)}";
            throw Error($"States.{shortName} takes {expected} argument(s) but was given {arguments.Count.ToString(CultureInfo.InvariantCulture)}");
        }

        return new IntrinsicCall(signature.Name, [.. arguments]);
    }

    private IntrinsicArgument ParseArgument(int depth)
    {
        if (_pos >= _text.Length)
        {
            throw Error("an argument is missing");
        }

        var c = _text[_pos];
        if (c == '\'')
        {
            return ParseString();
        }

        if (c == '$')
        {
            try
            {
                var text = _text;
                var start = _pos;
                var parsed = PathParser.ParsePrefix(text, ref _pos, static ch => ch is ',' or ')' or ' ');
                return new PathArgument(JsonPathExpression.FromParsed(text[start.._pos], parsed));
            }
            catch (JsonPathSyntaxException e)
            {
                throw Error("invalid path argument: " + e.Message);
            }
        }

        if (c == 'S')
        {
            return new CallArgument(ParseCall(depth + 1));
        }

        if (TryWord("null"))
        {
            return new LiteralArgument(null, null);
        }

        if (TryWord("true"))
        {
            return new LiteralArgument(JsonValue.Create(true), null);
        }

        if (TryWord("false"))
        {
            return new LiteralArgument(JsonValue.Create(false), null);
        }

        return ParseNumber();
    }

    private LiteralArgument ParseString()
    {
        _pos++;
        var value = new StringBuilder();
        var template = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == '\'')
            {
                return new LiteralArgument(JsonValue.Create(value.ToString()), template.ToString());
            }

            if (c != '\\')
            {
                value.Append(c);
                template.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                break;
            }

            var escaped = _text[_pos++];
            value.Append(escaped);
            if (escaped is '{' or '}' or '\\')
            {
                template.Append('\\');
            }

            template.Append(escaped);
        }

        throw Error("a string argument is not closed (an open '\\' escapes the closing quote)");
    }

    private LiteralArgument ParseNumber()
    {
        var start = _pos;
        if (_pos < _text.Length && _text[_pos] == '-')
        {
            _pos++;
        }

        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-'))
        {
            _pos++;
        }

        var token = _text[start.._pos];
        if (token.Length == 0 || !JsonText.TryParse(token, out var number) || number is not JsonValue)
        {
            _pos = start;
            throw Error("an argument must be a 'string', a number, true, false, null, a path or an intrinsic function");
        }

        return new LiteralArgument(number, null);
    }

    private bool TryWord(string word) => PathParser.TryConsumeWord(_text, ref _pos, word);

    private void SkipSpaces()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private void Expect(char c)
    {
        if (_pos >= _text.Length || _text[_pos] != c)
        {
            throw Error($"'{c}' was expected");
        }

        _pos++;
    }

    private IntrinsicSyntaxException Error(string reason) =>
        new($"The value '{_text}' is not a valid intrinsic function call: {reason} (position {_pos.ToString(CultureInfo.InvariantCulture)}).");
}
