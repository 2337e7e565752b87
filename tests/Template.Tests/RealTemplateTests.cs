using System.Reflection;

namespace Template.Tests;

public sealed class RealTemplateTests
{
    private static readonly string TemplatePath = Path.Combine(
        typeof(RealTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "template.yaml");

    private static readonly TemplateOptions Options = new()
    {
        ParameterOverrides = ParameterOverrides.Parse("JwtIssuer=http://127.0.0.1:3000/_local/issuer JwtAudience=workers-local"),
    };

    [Fact]
    public async Task LoadAsync_RepositoryTemplate_ResolvesWithoutErrors()
    {
        var template = await SamTemplate.LoadAsync(TemplatePath, Options);

        Assert.NotEmpty(template.Functions);
        Assert.NotEmpty(template.StateMachines);
        Assert.NotEmpty(template.Tables);
    }
}
