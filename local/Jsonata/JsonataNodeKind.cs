namespace Jsonata;

/// <summary>The kind of a node in a compiled JSONata expression tree.</summary>
public enum JsonataNodeKind
{
    /// <summary>A location path: a sequence of steps.</summary>
    Path,

    /// <summary>A binary operator (arithmetic, comparison, boolean, concat, range, in).</summary>
    Binary,

    /// <summary>A unary operator: negation, array constructor or object constructor.</summary>
    Unary,

    /// <summary>A field name.</summary>
    Name,

    /// <summary>A variable reference; <c>$</c> has the empty name and <c>$$</c> the name "$".</summary>
    Variable,

    /// <summary>A string literal.</summary>
    String,

    /// <summary>A number literal.</summary>
    Number,

    /// <summary>true, false or null.</summary>
    Value,

    /// <summary>A regular expression literal.</summary>
    Regex,

    /// <summary>The <c>*</c> wildcard.</summary>
    Wildcard,

    /// <summary>The <c>**</c> descendant wildcard.</summary>
    Descendant,

    /// <summary>The <c>%</c> parent operator.</summary>
    Parent,

    /// <summary>A conditional (<c>? :</c>, <c>?:</c>, <c>??</c>).</summary>
    Condition,

    /// <summary>A parenthesised block of expressions separated by semicolons.</summary>
    Block,

    /// <summary>A variable binding <c>$x := ...</c>.</summary>
    Bind,

    /// <summary>A function call.</summary>
    Function,

    /// <summary>A partial application (a call with <c>?</c> placeholders).</summary>
    Partial,

    /// <summary>A lambda definition.</summary>
    Lambda,

    /// <summary>The <c>~&gt;</c> function application operator.</summary>
    Apply,

    /// <summary>A transform <c>| pattern | update, delete |</c>.</summary>
    Transform,

    /// <summary>An order-by step.</summary>
    Sort,

    /// <summary>A <c>?</c> placeholder argument in a partial application.</summary>
    Placeholder,

    /// <summary>An operator token (only while parsing).</summary>
    Operator,

    /// <summary>The end of the expression (only while parsing).</summary>
    End,
}
