using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jsonata;

/// <summary>A function signature such as <c>&lt;s-n?:s&gt;</c>, validating and coercing arguments as the reference does.</summary>
internal sealed class Signature
{
    private static readonly Dictionary<string, Signature> Cache = new(StringComparer.Ordinal);
    private static readonly Lock CacheLock = new();

    private readonly List<Param> _params;

    private Signature(string text, List<Param> ps)
    {
        Text = text;
        _params = ps;
        foreach (var p in ps)
        {
            var body = p.Regex.TrimEnd('?', '+');
            p.Allowed = body.StartsWith('[') ? body[1..^1] : body;
            p.Optional = p.Regex.EndsWith('?');
            p.Repeated = p.Regex.EndsWith('+');
        }
    }

    public string Text { get; }

    public int ParamCount => _params.Count;

    private sealed class Param
    {
        public string Regex = "";
        public string Type = "";
        public bool Context;
        public Regex? ContextRegex;
        public string? Subtype;
        public string Allowed = "";
        public bool Optional;
        public bool Repeated;
    }

    /// <summary>Matches argument type symbols against the parameters with the same greedy backtracking the reference's regex does.</summary>
    private bool Match(ReadOnlySpan<char> symbols, Span<int> counts, int p, int a)
    {
        if (p == _params.Count)
        {
            return a == symbols.Length;
        }

        var param = _params[p];
        if (param.Repeated)
        {
            var max = 0;
            while (a + max < symbols.Length && param.Allowed.Contains(symbols[a + max], StringComparison.Ordinal))
            {
                max++;
            }

            for (var k = max; k >= 1; k--)
            {
                counts[p] = k;
                if (Match(symbols, counts, p + 1, a + k))
                {
                    return true;
                }
            }

            return false;
        }

        if (a < symbols.Length && param.Allowed.Contains(symbols[a], StringComparison.Ordinal))
        {
            counts[p] = 1;
            if (Match(symbols, counts, p + 1, a + 1))
            {
                return true;
            }
        }

        if (param.Optional)
        {
            counts[p] = 0;
            return Match(symbols, counts, p + 1, a);
        }

        return false;
    }

    public static Signature Parse(string signature)
    {
        lock (CacheLock)
        {
            if (Cache.TryGetValue(signature, out var cached))
            {
                return cached;
            }
        }

        var position = 1;
        var ps = new List<Param>();
        var param = new Param();
        var prev = param;
        void Next()
        {
            ps.Add(param);
            prev = param;
            param = new Param();
        }

        while (position < signature.Length)
        {
            var symbol = signature[position];
            if (symbol == ':')
            {
                break;
            }

            switch (symbol)
            {
                case 's':
                case 'n':
                case 'b':
                case 'l':
                case 'o':
                    param.Regex = "[" + symbol + "m]";
                    param.Type = symbol.ToString();
                    Next();
                    break;
                case 'a':
                    param.Regex = "[asnblfom]";
                    param.Type = "a";
                    Next();
                    break;
                case 'f':
                    param.Regex = "f";
                    param.Type = "f";
                    Next();
                    break;
                case 'j':
                    param.Regex = "[asnblom]";
                    param.Type = "j";
                    Next();
                    break;
                case 'x':
                    param.Regex = "[asnblfom]";
                    param.Type = "x";
                    Next();
                    break;
                case '-':
                    prev.Context = true;
                    prev.ContextRegex = new Regex("^" + prev.Regex, RegexOptions.CultureInvariant);
                    prev.Regex += "?";
                    break;
                case '?':
                case '+':
                    prev.Regex += symbol;
                    break;
                case '(':
                    var endParen = FindClosingBracket(signature, position, '(', ')');
                    var choice = signature.Substring(position + 1, endParen - position - 1);
                    if (choice.Contains('<', StringComparison.Ordinal))
                    {
                        throw new JsonataException("S0402", null, position) { Value = choice };
                    }

                    param.Regex = "[" + choice + "m]";
                    param.Type = "(" + choice + ")";
                    position = endParen;
                    Next();
                    break;
                case '<':
                    if (prev.Type is "a" or "f")
                    {
                        var endPos = FindClosingBracket(signature, position, '<', '>');
                        prev.Subtype = signature.Substring(position + 1, endPos - position - 1);
                        position = endPos;
                    }
                    else
                    {
                        throw new JsonataException("S0401", null, position) { Value = prev.Type };
                    }

                    break;
            }

            position++;
        }

        var sig = new Signature(signature, ps);
        lock (CacheLock)
        {
            Cache[signature] = sig;
        }

        return sig;
    }

    private static int FindClosingBracket(string str, int start, char open, char close)
    {
        var depth = 1;
        var position = start;
        while (position < str.Length)
        {
            position++;
            var symbol = position < str.Length ? str[position] : '\0';
            if (symbol == close)
            {
                depth--;
                if (depth == 0)
                {
                    break;
                }
            }
            else if (symbol == open)
            {
                depth++;
            }
        }

        return position;
    }

    public static char Symbol(object? value) => value switch
    {
        JFunc => 'f',
        string => 's',
        double => 'n',
        bool => 'b',
        JNull => 'l',
        Seq => 'a',
        null => 'm',
        _ => 'o',
    };

    public List<object?> Validate(List<object?> args, object? context)
    {
        Span<char> buffer = args.Count <= 64 ? stackalloc char[args.Count] : new char[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            buffer[i] = Symbol(args[i]);
        }

        Span<int> counts = _params.Count <= 32 ? stackalloc int[_params.Count] : new int[_params.Count];
        if (!Match(buffer, counts, 0, 0))
        {
            ThrowValidationError(args, new string(buffer));
        }

        var validated = new List<object?>(_params.Count);
        var argIndex = 0;
        var consumed = 0;
        for (var index = 0; index < _params.Count; index++)
        {
            var param = _params[index];
            var match = buffer.Slice(consumed, counts[index]);
            consumed += counts[index];
            if (match.Length == 0)
            {
                if (param.Context && param.ContextRegex is not null)
                {
                    var contextType = Symbol(context).ToString();
                    if (param.ContextRegex.IsMatch(contextType))
                    {
                        validated.Add(context);
                    }
                    else
                    {
                        throw new JsonataException("T0411") { Index = argIndex + 1, Value = Describe(context) };
                    }
                }
                else
                {
                    validated.Add(argIndex < args.Count ? args[argIndex] : null);
                    argIndex++;
                }
            }
            else
            {
                foreach (var single in match)
                {
                    if (param.Type == "a")
                    {
                        object? arg;
                        if (single == 'm')
                        {
                            arg = null;
                        }
                        else
                        {
                            arg = argIndex < args.Count ? args[argIndex] : null;
                            var arrayOk = true;
                            if (param.Subtype is not null)
                            {
                                if (single != 'a' && !match.SequenceEqual(param.Subtype))
                                {
                                    arrayOk = false;
                                }
                                else if (single == 'a' && arg is Seq seq && seq.Count > 0)
                                {
                                    var itemType = Symbol(seq[0]);
                                    if (itemType != param.Subtype[0])
                                    {
                                        arrayOk = false;
                                    }
                                    else
                                    {
                                        foreach (var item in seq)
                                        {
                                            if (Symbol(item) != itemType)
                                            {
                                                arrayOk = false;
                                                break;
                                            }
                                        }
                                    }
                                }
                            }

                            if (!arrayOk)
                            {
                                throw new JsonataException("T0412")
                                {
                                    Index = argIndex + 1,
                                    Value = Describe(arg),
                                    Value2 = param.Subtype switch
                                    {
                                        "a" => "arrays",
                                        "b" => "booleans",
                                        "f" => "functions",
                                        "n" => "numbers",
                                        "o" => "objects",
                                        "s" => "strings",
                                        _ => param.Subtype,
                                    },
                                };
                            }

                            if (single != 'a')
                            {
                                arg = new Seq { arg };
                            }
                        }

                        validated.Add(arg);
                        argIndex++;
                    }
                    else
                    {
                        validated.Add(argIndex < args.Count ? args[argIndex] : null);
                        argIndex++;
                    }
                }
            }
        }

        return validated;
    }

    private void ThrowValidationError(List<object?> args, string supplied)
    {
        var partial = new StringBuilder("^");
        var goodTo = 0;
        foreach (var p in _params)
        {
            partial.Append(p.Regex);
            var m = Regex.Match(supplied, partial.ToString(), RegexOptions.CultureInvariant);
            if (!m.Success)
            {
                break;
            }

            goodTo = m.Length;
        }

        throw new JsonataException("T0410")
        {
            Index = goodTo + 1,
            Value = goodTo < args.Count ? Describe(args[goodTo]) : null,
        };
    }

    private static string? Describe(object? v) => v is null ? null : v is string s ? s : Values.Stringify(v, false);
}
