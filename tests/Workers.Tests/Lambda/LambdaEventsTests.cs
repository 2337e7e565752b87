using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Workers.Lambda;

namespace Workers.Tests;

public sealed class LambdaEventsTests
{
    // The SQS sample event of the Lambda developer guide (services-sqs), with a message attribute added.
    private const string SqsSample = """
        {
          "Records": [
            {
              "messageId": "059f36b4-87a3-44ab-83d2-661975830a7d",
              "receiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
              "body": "test",
              "attributes": {
                "ApproximateReceiveCount": "1",
                "SentTimestamp": "1545082649183",
                "SenderId": "AIDAIENQZJOLO23YVJ4VO",
                "ApproximateFirstReceiveTimestamp": "1545082649185"
              },
              "messageAttributes": {
                "approvalId": {
                  "stringValue": "ap-42",
                  "stringListValues": [],
                  "binaryListValues": [],
                  "dataType": "String"
                },
                "blob": {
                  "binaryValue": "AAEC",
                  "stringListValues": [],
                  "binaryListValues": [],
                  "dataType": "Binary"
                }
              },
              "md5OfBody": "098f6bcd4621d373cade4e832627b4f6",
              "md5OfMessageAttributes": "00484c68...59e48f06",
              "eventSource": "aws:sqs",
              "eventSourceARN": "arn:aws:sqs:us-east-2:123456789012:my-queue",
              "awsRegion": "us-east-2"
            }
          ]
        }
        """;

    // The payload format 2.0 sample event of the API Gateway developer guide (http-api-develop-integrations-lambda).
    private const string HttpApiSample = """
        {
          "version": "2.0",
          "routeKey": "$default",
          "rawPath": "/my/path",
          "rawQueryString": "parameter1=value1&parameter1=value2&parameter2=value",
          "cookies": ["cookie1", "cookie2"],
          "headers": { "header1": "value1", "header2": "value1,value2" },
          "queryStringParameters": { "parameter1": "value1,value2", "parameter2": "value" },
          "requestContext": {
            "accountId": "123456789012",
            "apiId": "api-id",
            "authentication": {
              "clientCert": {
                "clientCertPem": "CERT_CONTENT",
                "subjectDN": "www.example.com",
                "issuerDN": "Example issuer",
                "serialNumber": "a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1",
                "validity": { "notBefore": "May 28 12:30:02 2019 GMT", "notAfter": "Aug  5 09:36:04 2021 GMT" }
              }
            },
            "authorizer": {
              "jwt": {
                "claims": { "claim1": "value1", "claim2": "value2" },
                "scopes": ["scope1", "scope2"]
              }
            },
            "domainName": "id.execute-api.us-east-1.amazonaws.com",
            "domainPrefix": "id",
            "http": {
              "method": "POST",
              "path": "/my/path",
              "protocol": "HTTP/1.1",
              "sourceIp": "192.0.2.1",
              "userAgent": "agent"
            },
            "requestId": "id",
            "routeKey": "$default",
            "stage": "$default",
            "time": "12/Mar/2020:19:03:58 +0000",
            "timeEpoch": 1583348638390
          },
          "body": "Hello from Lambda",
          "pathParameters": { "parameter1": "value1" },
          "isBase64Encoded": false,
          "stageVariables": { "stageVariable1": "value1", "stageVariable2": "value2" }
        }
        """;

    [Fact]
    public void SQSEvent_AwsSampleEvent_RoundTripsUnchanged()
    {
        var written = RoundTrip(SqsSample, LambdaEventsJson.Default.SQSEvent);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SqsSample), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void SQSEvent_AwsSampleEvent_ReadsTheMessage()
    {
        var message = JsonSerializer.Deserialize(SqsSample, LambdaEventsJson.Default.SQSEvent)!.Records.Single();

        Assert.Equal(
            ("059f36b4-87a3-44ab-83d2-661975830a7d", "test", "arn:aws:sqs:us-east-2:123456789012:my-queue", "1", "ap-42"),
            (message.MessageId, message.Body, message.EventSourceArn, message.Attributes!["ApproximateReceiveCount"],
                message.MessageAttributes!["approvalId"].StringValue));
    }

    [Fact]
    public void SQSEvent_BinaryMessageAttribute_ReadsBase64AsBytes()
    {
        var message = JsonSerializer.Deserialize(SqsSample, LambdaEventsJson.Default.SQSEvent)!.Records.Single();

        Assert.Equal([0, 1, 2], message.MessageAttributes!["blob"].BinaryValue);
    }

    [Fact]
    public void SQSBatchResponse_WithFailures_WritesBatchItemFailures()
    {
        var response = new SQSBatchResponse([new SQSBatchResponse.BatchItemFailure { ItemIdentifier = "059f36b4" }]);

        var written = JsonSerializer.Serialize(response, LambdaEventsJson.Default.SQSBatchResponse);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"059f36b4"}]}""", written);
    }

    [Fact]
    public void APIGatewayHttpApiV2ProxyRequest_AwsSampleEvent_RoundTripsUnchanged()
    {
        var written = RoundTrip(HttpApiSample, LambdaEventsJson.Default.APIGatewayHttpApiV2ProxyRequest);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(HttpApiSample), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void APIGatewayHttpApiV2ProxyRequest_AwsSampleEvent_ReadsMethodClaimsAndTime()
    {
        var request = JsonSerializer.Deserialize(HttpApiSample, LambdaEventsJson.Default.APIGatewayHttpApiV2ProxyRequest)!;

        Assert.Equal(
            ("POST", "/my/path", "value2", "scope2", 1583348638390L),
            (request.RequestContext!.Http!.Method, request.RawPath, request.RequestContext.Authorizer!.Jwt!.Claims!["claim2"],
                request.RequestContext.Authorizer.Jwt.Scopes![1], request.RequestContext.TimeEpoch));
    }

    [Fact]
    public void APIGatewayHttpApiV2ProxyResponse_Serialize_WritesWireNamesAndSkipsNulls()
    {
        var response = new APIGatewayHttpApiV2ProxyResponse
        {
            StatusCode = 202,
            Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
            Body = """{"orderId":"o-1"}""",
        };

        var written = JsonSerializer.Serialize(response, LambdaEventsJson.Default.APIGatewayHttpApiV2ProxyResponse);

        Assert.Equal(
            """{"statusCode":202,"headers":{"content-type":"application/json"},"body":"{\u0022orderId\u0022:\u0022o-1\u0022}","isBase64Encoded":false}""",
            written);
    }

    [Fact]
    public void SetHeaderValues_Append_JoinsValuesWithCommas()
    {
        var response = new APIGatewayHttpApiV2ProxyResponse();
        response.SetHeaderValues("vary", ["accept"], append: false);

        response.SetHeaderValues("vary", ["origin", "cookie"], append: true);

        Assert.Equal("accept,origin,cookie", response.Headers!["vary"]);
    }

    private static string RoundTrip<T>(string json, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Serialize(JsonSerializer.Deserialize(json, typeInfo)!, typeInfo);
}
