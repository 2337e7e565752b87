using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jsonata;

/// <summary>Tokenizer and Pratt parser producing the processed AST the evaluator walks.</summary>
internal sealed class Parser
{
    private static readonly Dictionary<string, int> Operators = new(StringComparer.Ordinal)
    {
        ["."] = 75, ["["] = 80, ["]"] = 0, ["{"] = 70, ["}"] = 0, ["("] = 80, [")"] = 0, [","] = 0, ["@"] = 80,
        ["#"] = 80, [";"] = 80, [":"] = 80, ["?"] = 20, ["+"] = 50, ["-"] = 50, ["*"] = 60, ["/"] = 60, ["%"] = 60,
        ["|"] = 20, ["="] = 40, ["<"] = 40, [">"] = 40, ["^"] = 40, ["**"] = 60, [".."] = 20, [":="] = 10,
        ["!="] = 40, ["<="] = 40, [">="] = 40, ["~>"] = 40, ["?:"] = 40, ["??"] = 40, ["and"] = 30, ["or"] = 25,
        ["in"] = 40, ["&"] = 50, ["!"] = 0, ["~"] = 0,
    };

    private static readonly HashSet<string> InfixIds = new(StringComparer.Ordinal)
    {
        ".", "+", "-", "*", "/", "%", "=", "<", ">", "!=", "<=", ">=", "&", "and", "or", "in", "~>", "??", "(", "[",
        "^", "{", ":=", "@", "#", "?", "?:",
    };

    private static readonly HashSet<string> KnownSymbols = new(StringComparer.Ordinal)
    {
        ":", ";", ",", ")", "]", "}", "..", "**", "|", "and", "or", "in",
    };

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    private readonly string _src;
    private int _pos;
    private Token _node = null!;
    private int _ancestorLabel;
    private int _ancestorIndex;
    private readonly List<JsonataNode> _ancestry = [];

    private Parser(string src)
    {
        _src = src;
    }

    private sealed class Token
    {
        public string Id = "";
        public string Type = "";
        public object? Value;
        public int Position;
        public int Lbp;

        public string Text => Value switch
        {
            null => "null",
            string s => s,
            double d => Values.NumberToString(d),
            bool b => b ? "true" : "false",
            Regex r => r.ToString(),
            _ => Value.ToString() ?? "",
        };
    }

    public static JsonataNode Parse(string source)
    {
        var p = new Parser(source);
        p.Advance(null, false);
        var expr = p.ParseExpression(0);
        if (p._node.Id != "(end)")
        {
            throw new JsonataException("S0201", null, p._node.Position, p._node.Text);
        }

        var result = p.Process(expr);
        if (result.Kind == JsonataNodeKind.Parent || result.SeekingParent is not null)
        {
            throw new JsonataException("S0217", null, result.Position, result.Kind.ToString().ToLowerInvariant());
        }

        Annotate(result, []);
        return result;
    }

    /// <summary>Precomputes the facts the evaluator's fast paths rely on.</summary>
    private static void Annotate(JsonataNode node, HashSet<JsonataNode> seen)
    {
        EnsureStack(node.Position);
        if (!seen.Add(node))
        {
            return;
        }

        foreach (var child in node.Children())
        {
            Annotate(child, seen);
        }

        switch (node.Kind)
        {
            case JsonataNodeKind.Path:
                node.SimpleNames = !node.KeepSingletonArray && node.Group is null && !node.Tuple && node.StepList!.TrueForAll(s =>
                    s.Kind == JsonataNodeKind.Name && s.StageList is null && s.PredicateList is null && s.Group is null && !s.Tuple &&
                    !s.KeepArray && s.Focus is null && s.IndexVar is null && s.Ancestor is null);
                break;
            case JsonataNodeKind.Block:
                node.NeedsFrame = node.ExpressionList!.Exists(BindsInScope);
                break;
            case JsonataNodeKind.Unary when node.Value == "{":
                var keys = new List<string>();
                foreach (var pair in node.PairList!)
                {
                    if (pair.Key.Kind != JsonataNodeKind.String || keys.Contains((string)pair.Key.Literal!))
                    {
                        return;
                    }

                    keys.Add((string)pair.Key.Literal!);
                }

                node.LiteralKeys = [.. keys];
                break;
        }
    }

    private static bool BindsInScope(JsonataNode node) => node.Kind switch
    {
        JsonataNodeKind.Bind => true,
        JsonataNodeKind.Lambda => false,
        JsonataNodeKind.Block => false,
        JsonataNodeKind.Variable => node.Value == "eval",
        _ => node.Children().Any(BindsInScope),
    };

    private static bool IsWhite(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v';

    private char At(int i) => i < _src.Length && i >= 0 ? _src[i] : '\0';

    private Token Create(string type, object? value) => new() { Type = type, Value = value, Position = _pos };

    private Token? NextToken(bool prefix)
    {
        var length = _src.Length;
        while (true)
        {
            if (_pos >= length)
            {
                return null;
            }

            var c = _src[_pos];
            while (_pos < length && IsWhite(c))
            {
                _pos++;
                c = At(_pos);
            }

            if (c == '/' && At(_pos + 1) == '*')
            {
                var commentStart = _pos;
                _pos += 2;
                c = At(_pos);
                while (!(c == '*' && At(_pos + 1) == '/'))
                {
                    c = At(++_pos);
                    if (_pos >= length)
                    {
                        throw new JsonataException("S0106", null, commentStart);
                    }
                }

                _pos += 2;
                continue;
            }

            if (_pos >= length)
            {
                return null;
            }

            if (!prefix && c == '/')
            {
                _pos++;
                return ScanRegex();
            }

            var c1 = At(_pos + 1);
            string? two = (c, c1) switch
            {
                ('.', '.') => "..",
                (':', '=') => ":=",
                ('!', '=') => "!=",
                ('>', '=') => ">=",
                ('<', '=') => "<=",
                ('*', '*') => "**",
                ('~', '>') => "~>",
                ('?', ':') => "?:",
                ('?', '?') => "??",
                _ => null,
            };
            if (two is not null)
            {
                _pos += 2;
                return Create("operator", two);
            }

            var single = c.ToString();
            if (Operators.ContainsKey(single))
            {
                _pos++;
                return Create("operator", single);
            }

            if (c is '"' or '\'')
            {
                return ScanString(c);
            }

            var num = ScanNumber();
            if (num is not null)
            {
                return num;
            }

            if (c == '`')
            {
                _pos++;
                var end = _src.IndexOf('`', _pos);
                if (end != -1)
                {
                    var quoted = _src[_pos..end];
                    _pos = end + 1;
                    return Create("name", quoted);
                }

                _pos = length;
                throw new JsonataException("S0105", null, _pos);
            }

            var i = _pos;
            while (true)
            {
                var ch = At(i);
                if (i >= length || IsWhite(ch) || Operators.ContainsKey(ch.ToString()))
                {
                    if (At(_pos) == '$')
                    {
                        var vname = _src[(_pos + 1)..i];
                        _pos = i;
                        return Create("variable", vname);
                    }

                    var name = _src[_pos..i];
                    _pos = i;
                    switch (name)
                    {
                        case "or":
                        case "in":
                        case "and":
                            return Create("operator", name);
                        case "true":
                            return Create("value", Values.True);
                        case "false":
                            return Create("value", Values.False);
                        case "null":
                            return Create("value", JNull.Instance);
                        default:
                            if (_pos == length && name.Length == 0)
                            {
                                return null;
                            }

                            return Create("name", name);
                    }
                }

                i++;
            }
        }
    }

    private Token? ScanNumber()
    {
        var start = _pos;
        var i = start;
        if (At(i) == '-')
        {
            i++;
        }

        if (At(i) == '0')
        {
            i++;
        }
        else if (At(i) is >= '1' and <= '9')
        {
            while (char.IsAsciiDigit(At(i)))
            {
                i++;
            }
        }
        else
        {
            return null;
        }

        if (At(i) == '.' && char.IsAsciiDigit(At(i + 1)))
        {
            i++;
            while (char.IsAsciiDigit(At(i)))
            {
                i++;
            }
        }

        if (At(i) is 'e' or 'E')
        {
            var j = i + 1;
            if (At(j) is '+' or '-')
            {
                j++;
            }

            if (char.IsAsciiDigit(At(j)))
            {
                while (char.IsAsciiDigit(At(j)))
                {
                    j++;
                }

                i = j;
            }
        }

        var text = _src[start..i];
        var d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(d) || double.IsNaN(d))
        {
            throw new JsonataException("S0102", null, _pos, text);
        }

        _pos = i;
        return Create("number", d);
    }

    private Token ScanString(char quote)
    {
        _pos++;
        var sb = new StringBuilder();
        while (_pos < _src.Length)
        {
            var c = _src[_pos];
            if (c == '\\')
            {
                _pos++;
                c = At(_pos);
                switch (c)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        var hex = _pos + 5 <= _src.Length ? _src.Substring(_pos + 1, 4) : "";
                        if (hex.Length == 4 && int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            sb.Append((char)code);
                            _pos += 4;
                        }
                        else
                        {
                            throw new JsonataException("S0104", null, _pos);
                        }

                        break;
                    default:
                        throw new JsonataException("S0103", null, _pos, c.ToString());
                }
            }
            else if (c == quote)
            {
                _pos++;
                return Create("string", sb.ToString());
            }
            else
            {
                sb.Append(c);
            }

            _pos++;
        }

        throw new JsonataException("S0101", null, _pos);
    }

    private Token ScanRegex()
    {
        var start = _pos;
        var depth = 0;
        while (_pos < _src.Length)
        {
            var c = _src[_pos];
            if (c == '/' && depth == 0)
            {
                var backslashes = 0;
                while (At(_pos - (backslashes + 1)) == '\\')
                {
                    backslashes++;
                }

                if (backslashes % 2 == 0)
                {
                    var pattern = _src[start.._pos];
                    if (pattern.Length == 0)
                    {
                        throw new JsonataException("S0301", null, _pos);
                    }

                    _pos++;
                    var flagStart = _pos;
                    while (At(_pos) is 'i' or 'm')
                    {
                        _pos++;
                    }

                    var flags = _src[flagStart.._pos];
                    var t = Create("regex", pattern);
                    t.Value = new RegexLiteral(pattern, CreateRegex(pattern, flags));
                    return t;
                }
            }

            if (c is '(' or '[' or '{' && At(_pos - 1) != '\\')
            {
                depth++;
            }

            if (c is ')' or ']' or '}' && At(_pos - 1) != '\\')
            {
                depth--;
            }

            _pos++;
        }

        throw new JsonataException("S0302", null, _pos);
    }

    internal static Regex CreateRegex(string pattern, string flags)
    {
        var options = RegexOptions.CultureInvariant;
        if (flags.Contains('i', StringComparison.Ordinal))
        {
            options |= RegexOptions.IgnoreCase;
        }

        if (flags.Contains('m', StringComparison.Ordinal))
        {
            options |= RegexOptions.Multiline;
        }
        else
        {
            pattern = EndAnchorsAtEndOfInput(pattern);
        }

        try
        {
            return new Regex(pattern, (options & ~RegexOptions.CultureInvariant) | RegexOptions.ECMAScript, RegexTimeout);
        }
        catch (ArgumentException)
        {
            try
            {
                return new Regex(pattern, options, RegexTimeout);
            }
            catch (ArgumentException e)
            {
                throw new JsonataException("S0302", e.Message);
            }
        }
    }

    /// <summary>
    /// Without the m flag a JavaScript <c>$</c> matches only at the very end, where .NET's also matches before a final
    /// newline; <c>\z</c> is the JavaScript meaning.
    /// </summary>
    private static string EndAnchorsAtEndOfInput(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 4);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(c).Append(pattern[++i]);
                continue;
            }

            if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }

            if (c == '$' && !inClass)
            {
                sb.Append("\\z");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private Token Advance(string? id, bool infix)
    {
        if (id is not null && _node.Id != id)
        {
            var code = _node.Id == "(end)" ? "S0203" : "S0202";
            throw new JsonataException(code, null, _node.Position, _node.Text) { Value = id };
        }

        var next = NextToken(infix);
        if (next is null)
        {
            _node = new Token { Id = "(end)", Type = "end", Value = "(end)", Position = _src.Length };
            return _node;
        }

        switch (next.Type)
        {
            case "name":
            case "variable":
                next.Id = "(name)";
                break;
            case "operator":
                var op = (string)next.Value!;
                if (!InfixIds.Contains(op) && !KnownSymbols.Contains(op))
                {
                    throw new JsonataException("S0204", null, next.Position, op);
                }

                next.Id = op;
                next.Lbp = InfixIds.Contains(op) ? Operators[op] : 0;
                break;
            case "string":
            case "number":
            case "value":
                next.Id = "(literal)";
                break;
            case "regex":
                next.Id = "(regex)";
                break;
        }

        _node = next;
        return next;
    }

    private JsonataNode ParseExpression(int rbp)
    {
        EnsureStack(_node.Position);
        var t = _node;
        Advance(null, true);
        var left = Nud(t);
        while (rbp < _node.Lbp)
        {
            t = _node;
            Advance(null, false);
            left = Led(t, left);
        }

        return left;
    }

    private static JsonataNode Leaf(Token t)
    {
        switch (t.Type)
        {
            case "name":
                return new JsonataNode(JsonataNodeKind.Name, t.Position) { Value = (string)t.Value! };
            case "variable":
                return new JsonataNode(JsonataNodeKind.Variable, t.Position) { Value = (string)t.Value! };
            case "string":
                return new JsonataNode(JsonataNodeKind.String, t.Position) { Literal = t.Value, Value = (string)t.Value! };
            case "number":
                return new JsonataNode(JsonataNodeKind.Number, t.Position) { Literal = Values.Num((double)t.Value!) };
            case "value":
                return new JsonataNode(JsonataNodeKind.Value, t.Position) { Literal = t.Value };
            case "regex":
                var lit = (RegexLiteral)t.Value!;
                return new JsonataNode(JsonataNodeKind.Regex, t.Position) { RegexValue = lit.Regex, RegexSource = lit.Source };
            case "end":
                return new JsonataNode(JsonataNodeKind.End, t.Position) { Value = "(end)" };
            default:
                return new JsonataNode(JsonataNodeKind.Operator, t.Position) { Value = t.Text };
        }
    }

    private JsonataNode Nud(Token t)
    {
        switch (t.Id)
        {
            case "(name)":
            case "(literal)":
            case "(regex)":
            case "(end)":
            case "and":
            case "or":
            case "in":
                return Leaf(t);
            case "-":
                return new JsonataNode(JsonataNodeKind.Unary, t.Position) { Value = "-", Expression = ParseExpression(70) };
            case "*":
                return new JsonataNode(JsonataNodeKind.Wildcard, t.Position) { Value = "*" };
            case "**":
                return new JsonataNode(JsonataNodeKind.Descendant, t.Position) { Value = "**" };
            case "%":
                return new JsonataNode(JsonataNodeKind.Parent, t.Position) { Value = "%" };
            case "(":
                var expressions = new List<JsonataNode>();
                while (_node.Id != ")")
                {
                    expressions.Add(ParseExpression(0));
                    if (_node.Id != ";")
                    {
                        break;
                    }

                    Advance(";", false);
                }

                Advance(")", true);
                return new JsonataNode(JsonataNodeKind.Block, t.Position) { ExpressionList = expressions };
            case "[":
                var items = new List<JsonataNode>();
                if (_node.Id != "]")
                {
                    while (true)
                    {
                        var item = ParseExpression(0);
                        if (_node.Id == "..")
                        {
                            var range = new JsonataNode(JsonataNodeKind.Binary, _node.Position) { Value = "..", Lhs = item };
                            Advance("..", false);
                            range.Rhs = ParseExpression(0);
                            item = range;
                        }

                        items.Add(item);
                        if (_node.Id != ",")
                        {
                            break;
                        }

                        Advance(",", false);
                    }
                }

                Advance("]", true);
                return new JsonataNode(JsonataNodeKind.Unary, t.Position) { Value = "[", ExpressionList = items };
            case "{":
                return new JsonataNode(JsonataNodeKind.Unary, t.Position) { Value = "{", PairList = ParseObjectPairs() };
            case "|":
                var transform = new JsonataNode(JsonataNodeKind.Transform, t.Position) { Value = "|" };
                transform.Pattern = ParseExpression(0);
                Advance("|", false);
                transform.Update = ParseExpression(0);
                if (_node.Id == ",")
                {
                    Advance(",", false);
                    transform.Delete = ParseExpression(0);
                }

                Advance("|", false);
                return transform;
            default:
                throw new JsonataException("S0211", null, t.Position, t.Text);
        }
    }

    private List<KeyValuePair<JsonataNode, JsonataNode>> ParseObjectPairs()
    {
        var pairs = new List<KeyValuePair<JsonataNode, JsonataNode>>();
        if (_node.Id != "}")
        {
            while (true)
            {
                var n = ParseExpression(0);
                Advance(":", false);
                var v = ParseExpression(0);
                pairs.Add(new KeyValuePair<JsonataNode, JsonataNode>(n, v));
                if (_node.Id != ",")
                {
                    break;
                }

                Advance(",", false);
            }
        }

        Advance("}", true);
        return pairs;
    }

    private JsonataNode Led(Token t, JsonataNode left)
    {
        switch (t.Id)
        {
            case "(":
                return ParseCall(t, left);
            case "[":
                if (_node.Id == "]")
                {
                    var step = left;
                    while (step.Kind == JsonataNodeKind.Binary && step.Value == "[")
                    {
                        step = step.Lhs!;
                    }

                    step.KeepArray = true;
                    Advance("]", false);
                    return left;
                }
                else
                {
                    var pred = new JsonataNode(JsonataNodeKind.Binary, t.Position) { Value = "[", Lhs = left };
                    pred.Rhs = ParseExpression(Operators["]"]);
                    Advance("]", true);
                    return pred;
                }

            case "^":
                Advance("(", false);
                var terms = new List<SortTerm>();
                while (true)
                {
                    var descending = false;
                    if (_node.Id == "<")
                    {
                        Advance("<", false);
                    }
                    else if (_node.Id == ">")
                    {
                        descending = true;
                        Advance(">", false);
                    }

                    terms.Add(new SortTerm { Expression = ParseExpression(0), Descending = descending });
                    if (_node.Id != ",")
                    {
                        break;
                    }

                    Advance(",", false);
                }

                Advance(")", false);
                return new JsonataNode(JsonataNodeKind.Binary, t.Position) { Value = "^", Lhs = left, Terms = terms };
            case "{":
                return new JsonataNode(JsonataNodeKind.Binary, t.Position) { Value = "{", Lhs = left, PairList = ParseObjectPairs() };
            case ":=":
                if (left.Kind != JsonataNodeKind.Variable)
                {
                    throw new JsonataException("S0212", null, left.Position, left.Value);
                }

                return new JsonataNode(JsonataNodeKind.Binary, t.Position) { Value = ":=", Lhs = left, Rhs = ParseExpression(Operators[":="] - 1) };
            case "@":
            case "#":
                var bind = new JsonataNode(JsonataNodeKind.Binary, t.Position) { Value = t.Id, Lhs = left };
                bind.Rhs = ParseExpression(Operators[t.Id]);
                if (bind.Rhs.Kind != JsonataNodeKind.Variable)
                {
                    throw new JsonataException("S0214", null, bind.Rhs.Position, t.Id);
                }

                return bind;
            case "?":
                var cond = new JsonataNode(JsonataNodeKind.Condition, t.Position) { Value = "?", Condition = left };
                cond.Then = ParseExpression(0);
                if (_node.Id == ":")
                {
                    Advance(":", false);
                    cond.Else = ParseExpression(0);
                }

                return cond;
            case "?:":
                return new JsonataNode(JsonataNodeKind.Condition, t.Position) { Value = "?:", Condition = left, Then = left, Else = ParseExpression(0) };
            case "??":
                var exists = new JsonataNode(JsonataNodeKind.Function, t.Position)
                {
                    Value = "(",
                    Procedure = new JsonataNode(JsonataNodeKind.Variable, t.Position) { Value = "exists" },
                    ArgumentList = [left],
                };
                return new JsonataNode(JsonataNodeKind.Condition, t.Position) { Value = "??", Condition = exists, Then = left, Else = ParseExpression(0) };
            default:
                var bin = new JsonataNode(JsonataNodeKind.Binary, t.Position) { Value = t.Id, Lhs = left };
                bin.Rhs = ParseExpression(t.Lbp);
                return bin;
        }
    }

    private JsonataNode ParseCall(Token t, JsonataNode left)
    {
        var call = new JsonataNode(JsonataNodeKind.Function, t.Position) { Value = "(", Procedure = left, ArgumentList = [] };
        if (_node.Id != ")")
        {
            while (true)
            {
                if (_node.Type == "operator" && _node.Id == "?")
                {
                    call.Kind = JsonataNodeKind.Partial;
                    call.ArgumentList.Add(new JsonataNode(JsonataNodeKind.Placeholder, _node.Position) { Value = "?" });
                    Advance("?", false);
                }
                else
                {
                    call.ArgumentList.Add(ParseExpression(0));
                }

                if (_node.Id != ",")
                {
                    break;
                }

                Advance(",", false);
            }
        }

        Advance(")", true);
        if (left.Kind == JsonataNodeKind.Name && (left.Value == "function" || left.Value == "\u03BB"))
        {
            for (var i = 0; i < call.ArgumentList.Count; i++)
            {
                var arg = call.ArgumentList[i];
                if (arg.Kind != JsonataNodeKind.Variable)
                {
                    throw new JsonataException("S0208", null, arg.Position, arg.Value) { Value = (i + 1).ToString(CultureInfo.InvariantCulture) };
                }
            }

            call.Kind = JsonataNodeKind.Lambda;
            if (_node.Id == "<")
            {
                var sigPos = _node.Position;
                var depth = 1;
                var sig = new StringBuilder("<");
                while (depth > 0 && _node.Id != "{" && _node.Id != "(end)")
                {
                    var tok = Advance(null, false);
                    if (tok.Id == ">")
                    {
                        depth--;
                    }
                    else if (tok.Id == "<")
                    {
                        depth++;
                    }

                    sig.Append(tok.Text);
                }

                Advance(">", false);
                try
                {
                    call.Signature = Signature.Parse(sig.ToString());
                }
                catch (JsonataException e)
                {
                    e.Position = sigPos + Math.Max(e.Position, 0);
                    throw;
                }
            }

            Advance("{", false);
            call.Body = ParseExpression(0);
            Advance("}", false);
        }

        return call;
    }

    private sealed record RegexLiteral(string Source, Regex Regex);

    private static void EnsureStack(int position)
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonataException("U1001", "Expression nested too deeply", position);
        }
    }

    private JsonataNode Process(JsonataNode expr)
    {
        EnsureStack(expr.Position);
        JsonataNode result;
        switch (expr.Kind)
        {
            case JsonataNodeKind.Binary:
                result = ProcessBinary(expr);
                break;
            case JsonataNodeKind.Unary:
                result = new JsonataNode(JsonataNodeKind.Unary, expr.Position) { Value = expr.Value };
                if (expr.Value == "[")
                {
                    result.ExpressionList = [];
                    foreach (var item in expr.ExpressionList!)
                    {
                        var value = Process(item);
                        PushAncestry(result, value);
                        result.ExpressionList.Add(value);
                    }
                }
                else if (expr.Value == "{")
                {
                    result.PairList = [];
                    foreach (var pair in expr.PairList!)
                    {
                        var key = Process(pair.Key);
                        PushAncestry(result, key);
                        var value = Process(pair.Value);
                        PushAncestry(result, value);
                        result.PairList.Add(new KeyValuePair<JsonataNode, JsonataNode>(key, value));
                    }
                }
                else
                {
                    result.Expression = Process(expr.Expression!);
                    if (expr.Value == "-" && result.Expression.Kind == JsonataNodeKind.Number)
                    {
                        result = result.Expression;
                        result.Literal = Values.Num(-(double)result.Literal!);
                    }
                    else
                    {
                        PushAncestry(result, result.Expression);
                    }
                }

                break;
            case JsonataNodeKind.Function:
            case JsonataNodeKind.Partial:
                result = new JsonataNode(expr.Kind, expr.Position) { Value = expr.Value, ArgumentList = [] };
                foreach (var arg in expr.ArgumentList!)
                {
                    var a = Process(arg);
                    PushAncestry(result, a);
                    result.ArgumentList.Add(a);
                }

                result.Procedure = Process(expr.Procedure!);
                break;
            case JsonataNodeKind.Lambda:
                result = new JsonataNode(JsonataNodeKind.Lambda, expr.Position)
                {
                    ArgumentList = expr.ArgumentList,
                    Signature = expr.Signature,
                };
                result.Body = TailCallOptimize(Process(expr.Body!));
                break;
            case JsonataNodeKind.Condition:
                result = new JsonataNode(JsonataNodeKind.Condition, expr.Position) { Value = expr.Value };
                result.Condition = Process(expr.Condition!);
                PushAncestry(result, result.Condition);
                result.Then = ReferenceEquals(expr.Then, expr.Condition) && expr.Value == "?:" ? result.Condition : Process(expr.Then!);
                PushAncestry(result, result.Then);
                if (expr.Else is not null)
                {
                    result.Else = Process(expr.Else);
                    PushAncestry(result, result.Else);
                }

                break;
            case JsonataNodeKind.Transform:
                result = new JsonataNode(JsonataNodeKind.Transform, expr.Position)
                {
                    Pattern = Process(expr.Pattern!),
                    Update = Process(expr.Update!),
                };
                if (expr.Delete is not null)
                {
                    result.Delete = Process(expr.Delete);
                }

                break;
            case JsonataNodeKind.Block:
                result = new JsonataNode(JsonataNodeKind.Block, expr.Position) { ExpressionList = [] };
                foreach (var item in expr.ExpressionList!)
                {
                    var part = Process(item);
                    PushAncestry(result, part);
                    if (part.ConsArray || (part.Kind == JsonataNodeKind.Path && part.StepList![0].ConsArray))
                    {
                        result.ConsArray = true;
                    }

                    result.ExpressionList.Add(part);
                }

                break;
            case JsonataNodeKind.Name:
                result = new JsonataNode(JsonataNodeKind.Path, expr.Position) { StepList = [expr] };
                if (expr.KeepArray)
                {
                    result.KeepSingletonArray = true;
                }

                break;
            case JsonataNodeKind.Parent:
                result = new JsonataNode(JsonataNodeKind.Parent, expr.Position)
                {
                    Value = "%",
                    Slot = new Slot { Label = "!" + _ancestorLabel++, Level = 1, Index = _ancestorIndex++ },
                };
                _ancestry.Add(result);
                break;
            case JsonataNodeKind.String:
            case JsonataNodeKind.Number:
            case JsonataNodeKind.Value:
            case JsonataNodeKind.Wildcard:
            case JsonataNodeKind.Descendant:
            case JsonataNodeKind.Variable:
            case JsonataNodeKind.Regex:
            case JsonataNodeKind.Placeholder:
                result = expr;
                break;
            case JsonataNodeKind.Operator:
                if (expr.Value is "and" or "or" or "in")
                {
                    expr.Kind = JsonataNodeKind.Name;
                    result = Process(expr);
                }
                else
                {
                    throw new JsonataException("S0201", null, expr.Position, expr.Value);
                }

                break;
            default:
                throw new JsonataException(expr.Kind == JsonataNodeKind.End ? "S0207" : "S0206", null, expr.Position, expr.Value);
        }

        if (expr.KeepArray)
        {
            result.KeepArray = true;
        }

        return result;
    }

    private JsonataNode ProcessBinary(JsonataNode expr)
    {
        JsonataNode result;
        JsonataNode step;
        switch (expr.Value)
        {
            case ".":
                var lstep = Process(expr.Lhs!);
                result = lstep.Kind == JsonataNodeKind.Path ? lstep : new JsonataNode(JsonataNodeKind.Path, lstep.Position) { StepList = [lstep] };
                if (lstep.Kind == JsonataNodeKind.Parent)
                {
                    result.SeekingParent = [lstep.Slot!];
                }

                var rest = Process(expr.Rhs!);
                if (rest.Kind == JsonataNodeKind.Path)
                {
                    result.StepList!.AddRange(rest.StepList!);
                }
                else
                {
                    if (rest.PredicateList is not null)
                    {
                        rest.StageList = rest.PredicateList;
                        rest.PredicateList = null;
                    }

                    result.StepList!.Add(rest);
                }

                foreach (var s in result.StepList!)
                {
                    if (s.Kind is JsonataNodeKind.Number or JsonataNodeKind.Value)
                    {
                        throw new JsonataException("S0213", null, s.Position) { Value = Values.Stringify(s.Literal, false) };
                    }

                    if (s.Kind == JsonataNodeKind.String)
                    {
                        s.Kind = JsonataNodeKind.Name;
                        s.Value = (string)s.Literal!;
                    }
                }

                foreach (var s in result.StepList)
                {
                    if (s.KeepArray)
                    {
                        result.KeepSingletonArray = true;
                        break;
                    }
                }

                var first = result.StepList[0];
                if (first.Kind == JsonataNodeKind.Unary && first.Value == "[")
                {
                    first.ConsArray = true;
                }

                var last = result.StepList[^1];
                if (last.Kind == JsonataNodeKind.Unary && last.Value == "[")
                {
                    last.ConsArray = true;
                }

                ResolveAncestry(result);
                break;
            case "[":
                result = Process(expr.Lhs!);
                step = result;
                var isStages = false;
                if (result.Kind == JsonataNodeKind.Path)
                {
                    step = result.StepList![^1];
                    isStages = true;
                }

                if (step.Group is not null)
                {
                    throw new JsonataException("S0209", null, expr.Position);
                }

                var predicate = Process(expr.Rhs!);
                if (predicate.SeekingParent is not null)
                {
                    foreach (var slot in predicate.SeekingParent)
                    {
                        if (slot.Level == 1)
                        {
                            SeekParent(step, slot);
                        }
                        else
                        {
                            slot.Level--;
                        }
                    }

                    PushAncestry(step, predicate);
                }

                var stage = new Stage { Expr = predicate, Position = expr.Position };
                if (isStages)
                {
                    (step.StageList ??= []).Add(stage);
                }
                else
                {
                    (step.PredicateList ??= []).Add(stage);
                }

                break;
            case "{":
                result = Process(expr.Lhs!);
                if (result.Group is not null)
                {
                    throw new JsonataException("S0210", null, expr.Position);
                }

                var group = new GroupSpec { Position = expr.Position };
                foreach (var pair in expr.PairList!)
                {
                    group.Pairs.Add(new KeyValuePair<JsonataNode, JsonataNode>(Process(pair.Key), Process(pair.Value)));
                }

                result.Group = group;
                break;
            case "^":
                result = Process(expr.Lhs!);
                if (result.Kind != JsonataNodeKind.Path)
                {
                    result = new JsonataNode(JsonataNodeKind.Path, result.Position) { StepList = [result] };
                }

                var sortStep = new JsonataNode(JsonataNodeKind.Sort, expr.Position) { Terms = [] };
                foreach (var term in expr.Terms!)
                {
                    var e = Process(term.Expression);
                    PushAncestry(sortStep, e);
                    sortStep.Terms.Add(new SortTerm { Expression = e, Descending = term.Descending });
                }

                result.StepList!.Add(sortStep);
                ResolveAncestry(result);
                break;
            case ":=":
                result = new JsonataNode(JsonataNodeKind.Bind, expr.Position) { Value = ":=" };
                result.Lhs = Process(expr.Lhs!);
                result.Rhs = Process(expr.Rhs!);
                PushAncestry(result, result.Rhs);
                break;
            case "@":
                result = Process(expr.Lhs!);
                step = result;
                if (result.Kind == JsonataNodeKind.Path)
                {
                    step = result.StepList![^1];
                }

                if (step.StageList is not null || step.PredicateList is not null)
                {
                    throw new JsonataException("S0215", null, expr.Position);
                }

                if (step.Kind == JsonataNodeKind.Sort)
                {
                    throw new JsonataException("S0216", null, expr.Position);
                }

                if (expr.KeepArray)
                {
                    step.KeepArray = true;
                }

                step.Focus = expr.Rhs!.Value;
                step.Tuple = true;
                break;
            case "#":
                result = Process(expr.Lhs!);
                step = result;
                if (result.Kind == JsonataNodeKind.Path)
                {
                    step = result.StepList![^1];
                }
                else
                {
                    result = new JsonataNode(JsonataNodeKind.Path, result.Position) { StepList = [result] };
                    if (step.PredicateList is not null)
                    {
                        step.StageList = step.PredicateList;
                        step.PredicateList = null;
                    }
                }

                if (step.StageList is null)
                {
                    step.IndexVar = expr.Rhs!.Value;
                }
                else
                {
                    step.StageList.Add(new Stage { IsIndex = true, Value = expr.Rhs!.Value, Position = expr.Position });
                }

                step.Tuple = true;
                break;
            case "~>":
                result = new JsonataNode(JsonataNodeKind.Apply, expr.Position) { Value = "~>" };
                result.Lhs = Process(expr.Lhs!);
                result.Rhs = Process(expr.Rhs!);
                result.KeepArray = result.Lhs.KeepArray || result.Rhs.KeepArray;
                break;
            default:
                result = new JsonataNode(JsonataNodeKind.Binary, expr.Position) { Value = expr.Value };
                result.Lhs = Process(expr.Lhs!);
                result.Rhs = Process(expr.Rhs!);
                PushAncestry(result, result.Lhs);
                PushAncestry(result, result.Rhs);
                break;
        }

        return result;
    }

    private static JsonataNode TailCallOptimize(JsonataNode expr)
    {
        if (expr.Kind == JsonataNodeKind.Function && expr.PredicateList is null)
        {
            return new JsonataNode(JsonataNodeKind.Lambda, expr.Position) { Thunk = true, ArgumentList = [], Body = expr };
        }

        if (expr.Kind == JsonataNodeKind.Condition)
        {
            expr.Then = TailCallOptimize(expr.Then!);
            if (expr.Else is not null)
            {
                expr.Else = TailCallOptimize(expr.Else);
            }
        }
        else if (expr.Kind == JsonataNodeKind.Block && expr.ExpressionList!.Count > 0)
        {
            expr.ExpressionList[^1] = TailCallOptimize(expr.ExpressionList[^1]);
        }

        return expr;
    }

    private Slot SeekParent(JsonataNode node, Slot slot)
    {
        switch (node.Kind)
        {
            case JsonataNodeKind.Name:
            case JsonataNodeKind.Wildcard:
                slot.Level--;
                if (slot.Level == 0)
                {
                    if (node.Ancestor is not null)
                    {
                        _ancestry[slot.Index].Slot!.Label = node.Ancestor.Label;
                    }

                    node.Ancestor = slot;
                    node.Tuple = true;
                }

                break;
            case JsonataNodeKind.Parent:
                slot.Level++;
                break;
            case JsonataNodeKind.Block:
                if (node.ExpressionList!.Count > 0)
                {
                    node.Tuple = true;
                    slot = SeekParent(node.ExpressionList[^1], slot);
                }

                break;
            case JsonataNodeKind.Path:
                node.Tuple = true;
                var index = node.StepList!.Count - 1;
                slot = SeekParent(node.StepList[index--], slot);
                while (slot.Level > 0 && index >= 0)
                {
                    slot = SeekParent(node.StepList[index--], slot);
                }

                break;
            default:
                throw new JsonataException("S0217", null, node.Position, node.Kind.ToString().ToLowerInvariant());
        }

        return slot;
    }

    private static void PushAncestry(JsonataNode result, JsonataNode value)
    {
        if (value.SeekingParent is not null || value.Kind == JsonataNodeKind.Parent)
        {
            var slots = value.SeekingParent ?? [];
            if (value.Kind == JsonataNodeKind.Parent)
            {
                slots.Add(value.Slot!);
            }

            if (result.SeekingParent is null)
            {
                result.SeekingParent = slots;
            }
            else
            {
                result.SeekingParent.AddRange(slots);
            }
        }
    }

    private void ResolveAncestry(JsonataNode path)
    {
        var steps = path.StepList!;
        var laststep = steps[^1];
        var slots = laststep.SeekingParent ?? [];
        if (laststep.Kind == JsonataNodeKind.Parent)
        {
            slots.Add(laststep.Slot!);
        }

        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var index = steps.Count - 2;
            while (slot.Level > 0)
            {
                if (index < 0)
                {
                    (path.SeekingParent ??= []).Add(slot);
                    break;
                }

                var step = steps[index--];
                while (index >= 0 && step.Focus is not null && steps[index].Focus is not null)
                {
                    step = steps[index--];
                }

                slot = SeekParent(step, slot);
            }
        }
    }
}
