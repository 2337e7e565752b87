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
    public async Task LoadAsync_RepositoryTemplate_EveryStateMachineFileExists()
    {
        var template = await SamTemplate.LoadAsync(TemplatePath, Options);

        Assert.NotEmpty(template.StateMachines);
        Assert.All(template.StateMachines, m => Assert.True(File.Exists(m.DefinitionPath), m.DefinitionPath));
    }

    [Fact]
    public async Task LoadAsync_RepositoryTemplate_ApiRoutesPointAtTemplateFunctions()
    {
        var template = await SamTemplate.LoadAsync(TemplatePath, Options);
        var api = Assert.Single(template.HttpApis);

        Assert.Contains(api.Routes, r => r.RouteKey == "POST /orders");
        Assert.All(api.Routes, r => Assert.Contains(template.Functions, f => f.Name == r.FunctionName));
        Assert.All(api.Routes.Where(r => r.RouteKey.Contains("/approvals", StringComparison.Ordinal)), r => Assert.NotNull(r.Authorizer));
        Assert.Equal("http://127.0.0.1:3000/_local/issuer", api.Authorizers.Values.Single().Issuer);
    }

    [Fact]
    public async Task LoadAsync_RepositoryTemplate_SqsEventsNameTemplateQueues()
    {
        var template = await SamTemplate.LoadAsync(TemplatePath, Options);

        var sqsEvents = template.Functions.SelectMany(f => f.SqsEvents).ToList();

        Assert.NotEmpty(sqsEvents);
        Assert.All(sqsEvents, e => Assert.Contains(template.Queues, q => q.Arn == e.QueueArn));
    }

    [Fact]
    public async Task LoadAsync_RepositoryTemplate_DeadLetterTargetsAreTemplateQueues()
    {
        var template = await SamTemplate.LoadAsync(TemplatePath, Options);

        var redriven = template.Queues.Where(q => q.DeadLetterTargetArn is not null).ToList();

        Assert.NotEmpty(redriven);
        Assert.All(redriven, q => Assert.Contains(template.Queues, d => d.Arn == q.DeadLetterTargetArn));
    }
}
