using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Asl.JsonPath;

/// <summary>Parses ASL paths (<c>$</c>, <c>$$</c>, <c>$name</c> roots) and their filter expressions into segments.</summary>
internal sealed class PathParser
{
    /// <summary>Longest path text accepted; far beyond any real definition, small enough to bound work.</summary>
    public const int MaxPathLength = 65536;

    /// <summary>Deepest nesting of filters, parentheses and negations inside one path.</summary>
    public const int MaxFilterDepth = 32;

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private readonly string _text;
    private int _pos;
    private int _depth;

    private PathParser(string text)
    {
        _text = text;
    }

    /// <summary>Parses a whole path; throws <see cref="JsonPathSyntaxException"/> with the reason.</summary>
    public static ParsedPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxPathLength)
        {
            throw new JsonPathSyntaxException($"The path is longer than {MaxPathLength} characters.");
        }

        var parser = new PathParser(text);
        var parsed = parser.ParseRooted(inFilter: false);
        if (parser._pos != text.Length)
        {
            throw parser.Error("unexpected character '" + text[parser._pos] + "'");
        }

        return parsed;
    }

    /// <summary>Parses a path that starts at <paramref name="start"/> (used for path arguments of intrinsics).</summary>
    public static ParsedPath ParsePrefix(string text, ref int start, Func<char, bool> isTerminator)
    {
        var parser = new PathParser(text) { _pos = start };
        var parsed = parser.ParseRooted(inFilter: false, isTerminator);
        start = parser._pos;
        return parsed;
    }

    /// <summary>Consumes <paramref name="word"/> at <paramref name="pos"/> when it is not followed by a letter or digit.</summary>
    public static bool TryConsumeWord(string text, ref int pos, string word)
    {
        if (string.CompareOrdinal(text, pos, word, 0, word.Length) != 0)
        {
            return false;
        }

        var end = pos + word.Length;
        if (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
        {
            return false;
        }

        pos = end;
        return true;
    }

    /// <summary>True for a char that may start a variable name (Unicode ID_Start).</summary>
    public static bool IsIdStart(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
        _ => false,
    };

    /// <summary>True for a char that may continue a variable name (Unicode ID_Continue).</summary>
    public static bool IsIdContinue(Rune rune) => IsIdStart(rune) || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };

    private ParsedPath ParseRooted(bool inFilter, Func<char, bool>? isTerminator = null)
    {
        if (_pos >= _text.Length || _text[_pos] != '$')
        {
            throw Error("a path must start with '$'");
        }

        _pos++;
        var root = PathRoot.Input;
        string? variable = null;
        if (_pos < _text.Length && _text[_pos] == '$')
        {
            root = PathRoot.Context;
            _pos++;
        }
        else if (_pos < _text.Length && Rune.TryGetRuneAt(_text, _pos, out var first) && IsIdStart(first))
        {
            root = PathRoot.Variable;
            variable = ReadVariableName();
        }

        return new ParsedPath(root, variable, ParseSegments(inFilter, isTerminator));
    }

    private string ReadVariableName()
    {
        var start = _pos;
        var runes = 0;
        while (_pos < _text.Length && Rune.TryGetRuneAt(_text, _pos, out var rune) && IsIdContinue(rune))
        {
            _pos += rune.Utf16SequenceLength;
            runes++;
        }

        if (runes > 80)
        {
            throw Error("a variable name must not be longer than 80 characters");
        }

        return _text[start.._pos];
    }

    private PathSegment[] ParseSegments(bool inFilter, Func<char, bool>? isTerminator)
    {
        var segments = new List<PathSegment>();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '.')
            {
                var scan = _pos + 1 < _text.Length && _text[_pos + 1] == '.';
                _pos += scan ? 2 : 1;
                if (_pos >= _text.Length)
                {
                    throw Error("a path must not end with '.'");
                }

                segments.Add(_text[_pos] switch
                {
                    '[' => ParseBracket(scan),
                    '*' => ConsumeWildcard(scan),
                    _ => PathSegment.Property(ReadDottedName(inFilter || isTerminator is not null, isTerminator), scan),
                });
            }
            else if (c == '[')
            {
                segments.Add(ParseBracket(scan: false));
            }
            else if (inFilter || (isTerminator is not null && isTerminator(c)))
            {
                break;
            }
            else
            {
                throw Error("unexpected character '" + c + "'");
            }
        }

        return [.. segments];
    }

    private PathSegment ConsumeWildcard(bool scan)
    {
        _pos++;
        return PathSegment.AnyChild(scan);
    }

    private string ReadDottedName(bool embedded, Func<char, bool>? isTerminator)
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is '.' or '[')
            {
                break;
            }

            if (embedded && (IsFilterStop(c) || (isTerminator is not null && isTerminator(c))))
            {
                break;
            }

            if (c == ' ')
            {
                throw Error("use bracket notation ['my prop'] for a property name with blanks");
            }

            if (c == '(')
            {
                throw Error("functions are not supported in paths");
            }

            _pos++;
        }

        if (_pos == start)
        {
            throw Error("a property name is missing");
        }

        return _text[start.._pos];
    }

    private static bool IsFilterStop(char c) => c is ' ' or ')' or '=' or '!' or '<' or '>' or '&' or '|' or ',' or ']' or '~';

    private PathSegment ParseBracket(bool scan)
    {
        _pos++;
        SkipSpaces();
        if (_pos >= _text.Length)
        {
            throw Error("a '[' is not closed");
        }

        var c = _text[_pos];
        PathSegment segment;
        if (c == '*')
        {
            _pos++;
            segment = PathSegment.AnyChild(scan);
        }
        else if (c == '?')
        {
            _pos++;
            SkipSpaces();
            Expect('(');
            var filter = ParseFilter();
            SkipSpaces();
            Expect(')');
            segment = PathSegment.Filtered(filter, scan);
        }
        else if (c is '\'' or '"')
        {
            var names = new List<string> { ReadQuoted() };
            SkipSpaces();
            while (_pos < _text.Length && _text[_pos] == ',')
            {
                _pos++;
                SkipSpaces();
                names.Add(ReadQuoted());
                SkipSpaces();
            }

            segment = names.Count == 1 ? PathSegment.Property(names[0], scan) : PathSegment.Properties([.. names], scan);
        }
        else if (c is '-' or ':' || char.IsAsciiDigit(c))
        {
            segment = ParseIndexes(scan);
        }
        else
        {
            throw Error("unexpected character '" + c + "' after '['");
        }

        SkipSpaces();
        Expect(']');
        return segment;
    }

    private PathSegment ParseIndexes(bool scan)
    {
        var first = ReadOptionalInt();
        SkipSpaces();
        if (_pos < _text.Length && _text[_pos] == ':')
        {
            _pos++;
            SkipSpaces();
            var to = ReadOptionalInt();
            SkipSpaces();
            if (_pos < _text.Length && _text[_pos] == ':')
            {
                throw Error("array slice steps are not supported");
            }

            return PathSegment.ArraySlice(first, to, scan);
        }

        if (first is null)
        {
            throw Error("an array index is missing");
        }

        if (_pos >= _text.Length || _text[_pos] != ',')
        {
            return PathSegment.ArrayIndex(first.Value, scan);
        }

        var indexes = new List<int> { first.Value };
        while (_pos < _text.Length && _text[_pos] == ',')
        {
            _pos++;
            SkipSpaces();
            indexes.Add(ReadOptionalInt() ?? throw Error("an array index is missing"));
            SkipSpaces();
        }

        return PathSegment.ArrayIndexes([.. indexes], scan);
    }

    private int? ReadOptionalInt()
    {
        var start = _pos;
        if (_pos < _text.Length && _text[_pos] == '-')
        {
            _pos++;
        }

        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }

        if (_pos == start)
        {
            return null;
        }

        if (!int.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error("an array index is not a valid integer");
        }

        return value;
    }

    private string ReadQuoted()
    {
        if (_pos >= _text.Length || _text[_pos] is not ('\'' or '"'))
        {
            throw Error("a quoted property name was expected");
        }

        var quote = _text[_pos++];
        var builder = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == quote)
            {
                return builder.ToString();
            }

            if (c == '\\')
            {
                if (_pos >= _text.Length)
                {
                    break;
                }

                c = _text[_pos++];
            }

            builder.Append(c);
        }

        throw Error("a quoted string is not closed");
    }

    private FilterExpression ParseFilter()
    {
        Enter();
        var parts = new List<FilterExpression> { ParseAnd() };
        while (TryConsume("||"))
        {
            parts.Add(ParseAnd());
        }

        _depth--;
        return parts.Count == 1 ? parts[0] : new OrFilter([.. parts]);
    }

    private FilterExpression ParseAnd()
    {
        var parts = new List<FilterExpression> { ParseUnary() };
        while (TryConsume("&&"))
        {
            parts.Add(ParseUnary());
        }

        return parts.Count == 1 ? parts[0] : new AndFilter([.. parts]);
    }

    private FilterExpression ParseUnary()
    {
        SkipSpaces();
        if (_pos < _text.Length && _text[_pos] == '!' && (_pos + 1 >= _text.Length || _text[_pos + 1] != '='))
        {
            _pos++;
            Enter();
            var inner = ParseUnary();
            _depth--;
            return new NotFilter(inner);
        }

        if (_pos < _text.Length && _text[_pos] == '(')
        {
            _pos++;
            var inner = ParseFilter();
            SkipSpaces();
            Expect(')');
            return inner;
        }

        var left = ParseOperand();
        SkipSpaces();
        var op = TryReadOperator();
        if (op is null)
        {
            return new ExistsFilter(left);
        }

        SkipSpaces();
        var right = op == FilterOperator.RegexMatch ? ParseRegex() : ParseOperand();
        return new CompareFilter(left, op.Value, right);
    }

    private FilterOperator? TryReadOperator()
    {
        if (TryConsume("==")) return FilterOperator.Equal;
        if (TryConsume("!=")) return FilterOperator.NotEqual;
        if (TryConsume("<=")) return FilterOperator.LessOrEqual;
        if (TryConsume(">=")) return FilterOperator.GreaterOrEqual;
        if (TryConsume("=~")) return FilterOperator.RegexMatch;
        if (TryConsume("<")) return FilterOperator.Less;
        if (TryConsume(">")) return FilterOperator.Greater;
        if (TryConsumeWord("nin")) return FilterOperator.NotIn;
        if (TryConsumeWord("in")) return FilterOperator.In;
        return null;
    }

    private FilterOperand ParseOperand()
    {
        SkipSpaces();
        if (_pos >= _text.Length)
        {
            throw Error("a filter operand is missing");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '@':
                _pos++;
                Enter();
                var relative = ParseSegments(inFilter: true, isTerminator: null);
                _depth--;
                return new PathOperand(true, relative);
            case '$':
                Enter();
                var absolute = ParseRooted(inFilter: true);
                _depth--;
                if (absolute.Root != PathRoot.Input)
                {
                    throw Error("a filter may only refer to '$' or '@'");
                }

                return new PathOperand(false, absolute.Segments);
            case '\'' or '"':
                return new LiteralOperand(JsonValue.Create(ReadQuoted()));
            case '[':
                return new LiteralOperand(ReadLiteralArray());
            default:
                return new LiteralOperand(ReadScalarLiteral());
        }
    }

    private JsonArray ReadLiteralArray()
    {
        _pos++;
        var array = new JsonArray();
        SkipSpaces();
        if (_pos < _text.Length && _text[_pos] == ']')
        {
            _pos++;
            return array;
        }

        while (true)
        {
            SkipSpaces();
            array.Add(_pos < _text.Length && _text[_pos] is '\'' or '"' ? JsonValue.Create(ReadQuoted()) : ReadScalarLiteral());
            SkipSpaces();
            if (_pos < _text.Length && _text[_pos] == ',')
            {
                _pos++;
                continue;
            }

            Expect(']');
            return array;
        }
    }

    private JsonNode? ReadScalarLiteral()
    {
        if (TryConsumeWord("true")) return JsonValue.Create(true);
        if (TryConsumeWord("false")) return JsonValue.Create(false);
        if (TryConsumeWord("null")) return null;
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '-' or '+' or '.' or 'e' or 'E'))
        {
            _pos++;
        }

        var token = _text.AsSpan(start, _pos - start);
        if (decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
        {
            return JsonValue.Create(m);
        }

        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            return JsonValue.Create(d);
        }

        _pos = start;
        throw Error("a filter operand is not valid");
    }

    private RegexOperand ParseRegex()
    {
        if (_pos >= _text.Length || _text[_pos] != '/')
        {
            throw Error("'=~' must be followed by a /regular expression/");
        }

        var start = ++_pos;
        while (_pos < _text.Length && _text[_pos] != '/')
        {
            _pos += _text[_pos] == '\\' ? 2 : 1;
        }

        if (_pos >= _text.Length)
        {
            throw Error("a regular expression is not closed");
        }

        var pattern = _text[start.._pos];
        _pos++;
        var options = RegexOptions.CultureInvariant;
        while (_pos < _text.Length && char.IsAsciiLetterLower(_text[_pos]))
        {
            options |= _text[_pos++] switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                _ => throw Error("unsupported regular expression flag"),
            };
        }

        // Java's Matcher.matches() needs the whole string to match.
        var anchored = @"\A(?:" + pattern + @")\z";
        try
        {
            // Linear-time matching where the pattern allows it, so a hostile pattern cannot hang an execution.
            return new RegexOperand(new Regex(anchored, options | RegexOptions.NonBacktracking), pattern);
        }
        catch (NotSupportedException)
        {
            return new RegexOperand(new Regex(anchored, options, RegexTimeout), pattern);
        }
        catch (ArgumentException e)
        {
            throw Error("invalid regular expression: " + e.Message);
        }
    }

    private void Enter()
    {
        if (++_depth > MaxFilterDepth)
        {
            throw Error($"filters are nested more than {MaxFilterDepth} levels deep");
        }
    }

    private bool TryConsume(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) == 0)
        {
            _pos += token.Length;
            return true;
        }

        return false;
    }

    private bool TryConsumeWord(string word) => TryConsumeWord(_text, ref _pos, word);

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ')
        {
            _pos++;
        }
    }

    private void Expect(char c)
    {
        if (_pos >= _text.Length || _text[_pos] != c)
        {
            throw Error("'" + c + "' was expected");
        }

        _pos++;
    }

    private JsonPathSyntaxException Error(string reason) =>
        new($"The value '{_text}' is not a valid JSONPath: {reason} (position {_pos.ToString(CultureInfo.InvariantCulture)}).");
}

/// <summary>A parsed path: where it starts and its steps.</summary>
internal sealed record ParsedPath(PathRoot Root, string? VariableName, PathSegment[] Segments);
