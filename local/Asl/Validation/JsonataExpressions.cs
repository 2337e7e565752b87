using System.Text.Json;
using Jsonata;

namespace Asl;

/// <summary>
/// Finds the <c>{% %}</c> expressions of a JSONata state and checks each one as AWS does at creation: it must parse
/// (INVALID_JSONATA_EXPRESSION), and it must not read the context item at its top level, since a Step Functions
/// expression has none: the input is <c>$states.input</c> (UNSUPPORTED_JSONATA_EXPRESSION).
/// </summary>
internal static class JsonataExpressions
{
    private const string ContextItem = "$";
    private const string RootReference = "$$";
    private const string ErrorOutput = "$states.errorOutput";
    private const string TooDeep = "Expression is nested too deeply";

    // The JSONata parser recurses once per nesting level. Ordinary expressions parse on the caller's stack; a deeply
    // nested one gets a thread with a stack big enough for the most nesting accepted (JsonataCompilation), so a
    // hostile definition is a diagnostic and never a stack overflow.
    private const int MaxNestingTokens = 20_000;

    /// <summary>True for a whole-string JSONata expression, the only form AWS evaluates.</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 4 && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal);

    /// <summary>In a JSONata state, takes a <c>{% %}</c> string in place of a literal (a number, a timestamp) and checks it.</summary>
    public static bool AcceptsExpression(ValidationSession session, JsonElement value, string location, QueryLanguage language)
    {
        if (language != QueryLanguage.Jsonata || value.ValueKind != JsonValueKind.String || !IsExpression(value.GetString()!))
        {
            return false;
        }

        Check(session, value.GetString()!, location, errorOutputInScope: false);
        return true;
    }

    /// <summary>Checks every expression in a JSONata payload (Arguments, Output, Assign values…), at any depth.</summary>
    /// <param name="session">Where diagnostics go.</param>
    /// <param name="value">The payload.</param>
    /// <param name="location">Where the payload is; nested values add <c>/key</c> and <c>[index]</c>.</param>
    /// <param name="errorOutputInScope">True only in a catcher's own Output and Assign, where <c>$states.errorOutput</c> exists.</param>
    public static void CheckPayload(ValidationSession session, JsonElement value, string location, bool errorOutputInScope = false)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when IsExpression(value.GetString()!):
                Check(session, value.GetString()!, location, errorOutputInScope);
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Name.EndsWith(".$", StringComparison.Ordinal))
                    {
                        session.WrongLanguage(QueryLanguage.Jsonata, property.Name, location);
                    }
                    else
                    {
                        CheckPayload(session, property.Value, $"{location}/{property.Name}", errorOutputInScope);
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckPayload(session, item, $"{location}[{index++}]", errorOutputInScope);
                }

                break;
        }
    }

    private static void Check(ValidationSession session, string expression, string location, bool errorOutputInScope)
    {
        var body = expression[2..^2];
        var nesting = NestingTokens(body);
        if (nesting > MaxNestingTokens)
        {
            session.Report(DiagnosticCode.InvalidJsonataExpression, TooDeep, location);
            return;
        }

        JsonataExpression compiled;
        try
        {
            compiled = JsonataCompilation.Compile(body);
        }
        catch (JsonataException exception)
        {
            session.Report(DiagnosticCode.InvalidJsonataExpression, ParserMessage(exception), location);
            return;
        }

        var references = new List<string>();
        CollectTopLevel(compiled.Ast, references);
        foreach (var reference in references)
        {
            var message = reference switch
            {
                RootReference => "Reference to '$$' is not supported.",
                ErrorOutput when errorOutputInScope => null,
                ErrorOutput => "Field '$states.errorOutput' does not exist.",
                _ => Messages.TopLevelReference(reference),
            };
            if (message is not null)
            {
                session.Report(DiagnosticCode.UnsupportedJsonataExpression, message, location);
            }
        }
    }

    /// <summary>Counts the tokens that open a nesting level in the parser, outside string literals: an upper bound on its depth.</summary>
    private static int NestingTokens(string body)
    {
        var count = 0;
        var quote = '\0';
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' or '`')
            {
                quote = c;
            }
            else if (c is '(' or '[' or '{' or '-' or '?' or ':' or '!' or '~' or '|')
            {
                count++;
            }
        }

        return count;
    }

    // AWS quotes the parser's sentence without its "S0202 at position 6: " prefix.
    private static string ParserMessage(JsonataException exception)
    {
        var message = exception.Message;
        var separator = message.IndexOf(": ", StringComparison.Ordinal);
        return message.StartsWith(exception.Code, StringComparison.Ordinal) && separator >= 0 ? message[(separator + 2)..] : message;
    }

    /// <summary>
    /// Collects, once each and in writing order, what the expression reads from the (missing) context item. Only the
    /// first step of a path reads the context; later steps, predicates and sort terms read what came before them.
    /// A lambda body keeps the context it was defined in, so it is walked too. Iterative: trees can be thousands deep.
    /// </summary>
    private static void CollectTopLevel(JsonataNode root, List<string> references)
    {
        var pending = new Stack<JsonataNode?>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            switch (node?.Kind)
            {
                case JsonataNodeKind.Path:
                    if (IsErrorOutput(node))
                    {
                        Add(references, ErrorOutput);
                    }

                    Push(pending, node.Steps.Count > 0 ? node.Steps[0] : null);
                    break;
                case JsonataNodeKind.Name:
                    Add(references, node.Value ?? string.Empty);
                    break;
                case JsonataNodeKind.Variable when node.Value is "" or "$":
                    Add(references, node.Value.Length == 0 ? ContextItem : RootReference);
                    break;
                case JsonataNodeKind.Unary when node.Value == "[":
                    Push(pending, [.. node.Expressions]);
                    break;
                case JsonataNodeKind.Unary when node.Value == "{":
                    Push(pending, [.. node.Pairs.SelectMany(pair => new[] { pair.Key, pair.Value })]);
                    break;
                case JsonataNodeKind.Unary:
                    Push(pending, node.Expression);
                    break;
                case JsonataNodeKind.Binary or JsonataNodeKind.Apply:
                    Push(pending, node.Lhs, node.Rhs);
                    break;
                case JsonataNodeKind.Function or JsonataNodeKind.Partial:
                    Push(pending, [node.Procedure, .. node.Arguments]);
                    break;
                case JsonataNodeKind.Lambda:
                    Push(pending, node.Body);
                    break;
                case JsonataNodeKind.Condition:
                    Push(pending, node.Condition, node.Then, node.Else);
                    break;
                case JsonataNodeKind.Block:
                    Push(pending, [.. node.Expressions]);
                    break;
                case JsonataNodeKind.Bind:
                    Push(pending, node.Rhs);
                    break;
            }
        }
    }

    // Pushed last-first so they are visited in writing order.
    private static void Push(Stack<JsonataNode?> pending, params JsonataNode?[] nodes)
    {
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            pending.Push(nodes[i]);
        }
    }

    private static bool IsErrorOutput(JsonataNode path) =>
        path.Steps.Count >= 2
        && path.Steps[0] is { Kind: JsonataNodeKind.Variable, Value: "states" }
        && path.Steps[1] is { Kind: JsonataNodeKind.Name, Value: "errorOutput" };

    private static void Add(List<string> references, string name)
    {
        if (!references.Contains(name, StringComparer.Ordinal))
        {
            references.Add(name);
        }
    }
}
