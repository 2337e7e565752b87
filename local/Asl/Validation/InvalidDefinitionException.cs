namespace Asl;

/// <summary>A definition AWS would reject; the message is AWS's <c>InvalidDefinition</c> message.</summary>
public sealed class InvalidDefinitionException : Exception
{
    /// <summary>Creates the exception from the diagnostics the validator found.</summary>
    public InvalidDefinitionException(IReadOnlyList<AslDiagnostic> diagnostics)
        : base($"Invalid State Machine Definition: '{string.Join(", ", diagnostics)}'")
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found, in definition order.</summary>
    public IReadOnlyList<AslDiagnostic> Diagnostics { get; }
}
