namespace Approvals;

/// <summary>The approvals service's configuration from template.yaml: APPROVALS_TABLE and IDEMPOTENCY_TABLE.</summary>
public sealed record ApprovalsSettings(string ApprovalsTable, string IdempotencyTable)
{
    /// <summary>Reads the settings from environment variables.</summary>
    /// <exception cref="InvalidOperationException">A variable is missing.</exception>
    public static ApprovalsSettings FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string Required(string name) => variable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set; the approvals service needs it (see template.yaml).");
        return new ApprovalsSettings(Required("APPROVALS_TABLE"), Required("IDEMPOTENCY_TABLE"));
    }
}
