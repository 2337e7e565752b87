namespace Template;

/// <summary>How a template is resolved locally: the stack's identity, parameter values and local physical names.</summary>
public sealed record TemplateOptions
{
    /// <summary>The value of <c>AWS::Region</c>.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The value of <c>AWS::AccountId</c>; the account Step Functions Local and the SAM CLI use.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>The value of <c>AWS::StackName</c>.</summary>
    public string StackName { get; init; } = "local";

    /// <summary>The value of <c>AWS::Partition</c>.</summary>
    public string Partition { get; init; } = "aws";

    /// <summary>The value of <c>AWS::URLSuffix</c>.</summary>
    public string UrlSuffix { get; init; } = "amazonaws.com";

    /// <summary>Parameter values by name (see <see cref="Template.ParameterOverrides.Parse"/>); they win over defaults.</summary>
    public IReadOnlyDictionary<string, string> ParameterOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Supplies each resource's local physical id and attributes; <see cref="LocalPhysicalNames.Resolve"/> by default.</summary>
    public Func<ResourceIdentity, PhysicalResource> PhysicalResolver { get; init; } = LocalPhysicalNames.Resolve;
}
