using System.Net.Sockets;
using StandIns;

namespace Workers.Tests;

public sealed class StandInsTests
{
    [Fact]
    public async Task DynaliteServer_Disposed_StopsListening()
    {
        var server = await DynaliteServer.StartAsync();
        var endpoint = server.Endpoint;

        await server.DisposeAsync();

        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(endpoint.Host, endpoint.Port));
    }

    [Fact]
    public async Task DynaliteServer_DataDirectory_KeepsTablesAcrossRestarts()
    {
        var directory = Directory.CreateTempSubdirectory("dynalite-").FullName;
        await using (var first = await DynaliteServer.StartAsync(directory))
        {
            using var client = DynaliteFixture.CreateClient(first.Endpoint);
            await client.CreateTableAsync(new Amazon.DynamoDBv2.Model.CreateTableRequest
            {
                TableName = "kept",
                BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new("id", Amazon.DynamoDBv2.ScalarAttributeType.S)],
                KeySchema = [new("id", Amazon.DynamoDBv2.KeyType.HASH)],
            });
        }

        await using var second = await DynaliteServer.StartAsync(directory);
        using var reopened = DynaliteFixture.CreateClient(second.Endpoint);
        var tables = await reopened.ListTablesAsync();
        Directory.Delete(directory, recursive: true);

        Assert.Equal(["kept"], tables.TableNames);
    }

    [Fact]
    public async Task S3rverServer_Started_AnswersListBuckets()
    {
        await using var server = await S3rverServer.StartAsync();
        using var http = new HttpClient();

        var body = await http.GetStringAsync(server.Endpoint);

        Assert.Contains("<ListAllMyBucketsResult", body, StringComparison.Ordinal);
    }
}
