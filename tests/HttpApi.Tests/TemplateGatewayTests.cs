using System.Net;
using Template;

namespace HttpApi.Tests;

public sealed class TemplateGatewayTests
{
    private const string App = """
        Parameters:
          JwtIssuer:
            Type: String
        Resources:
          Api:
            Type: AWS::Serverless::HttpApi
            Properties:
              Auth:
                Authorizers:
                  Approvers:
                    IdentitySource: $request.header.Authorization
                    JwtConfiguration:
                      issuer: !Ref JwtIssuer
                      audience: [approvals-ui]
          Orders:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get:
                  Type: HttpApi
                  Properties:
                    ApiId: !Ref Api
                    Method: GET
                    Path: /orders/{orderId}
                Approve:
                  Type: HttpApi
                  Properties:
                    ApiId: !Ref Api
                    Method: POST
                    Path: /approvals/{approvalId}/approve
                    Auth:
                      Authorizer: Approvers
        """;

    [Fact]
    public async Task FromTemplate_RoutesAndAuthorizer_ServeTheTemplatesApi()
    {
        var port = GatewayFixture.FreePort();
        using var issuer = LocalIssuer.Create(LocalIssuer.UrlFor(port));
        var template = SamTemplate.Parse(App, options: new TemplateOptions { ParameterOverrides = ParameterOverrides.Parse($"JwtIssuer={issuer.IssuerUrl}") });
        var invoked = new List<string>();
        var options = HttpApiGatewayOptions.FromTemplate(template.HttpApis.Single(), (name, _, _) =>
        {
            invoked.Add(name);
            return Task.FromResult(new InvokeResult("\"ok\""u8.ToArray(), false));
        }) with { Port = port, Issuers = [issuer] };
        await using var gateway = new HttpApiGateway(options);
        await gateway.StartAsync();
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        using var approve = new HttpRequestMessage(HttpMethod.Post, "/approvals/a-1/approve");
        approve.Headers.Authorization = new("Bearer", issuer.MintToken("alice", ["approvals-ui"]));

        using var open = await client.GetAsync(new Uri("/orders/o-1", UriKind.Relative));
        using var refused = await client.PostAsync(new Uri("/approvals/a-1/approve", UriKind.Relative), null);
        using var allowed = await client.SendAsync(approve);

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(["local-Orders", "local-Orders"], invoked);
    }
}
