using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Asl;
using StepFunctions.Integrations;

namespace Local.Tests.Integrations;

/// <summary>sqs:sendMessage, sns:publish and events:putEvents through the engine into the in-process broker and bus.</summary>
public sealed class MessagingIntegrationTests : IDisposable
{
    private readonly IntegrationHarness _harness = new(new IntegrationOptions());

    [Fact]
    public async Task SqsSendMessage_LocalQueue_DeliversTheBodyAndReturnsItsMd5()
    {
        var queue = _harness.Integrations.Broker.CreateQueue("orders");

        var execution = await _harness.RunAsync(IntegrationHarness.Task(
            "arn:aws:states:::sqs:sendMessage",
            """{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/orders","MessageBody":{"orderId":"o-1"}}"""));

        var message = Assert.Single(await queue.ReceiveAsync());
        var output = IntegrationHarness.Output(execution);
        Assert.Equal("""{"orderId":"o-1"}""", message.Body);
        Assert.Equal((Md5("""{"orderId":"o-1"}"""), message.MessageId), (output["MD5OfMessageBody"]!.GetValue<string>(), output["MessageId"]!.GetValue<string>()));
        Assert.Equal(200, output["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>());
        Assert.Equal(("sqs", "sendMessage"), IntegrationHarness.Scheduled(execution));
    }

    [Fact]
    public async Task SqsSendMessage_UnknownQueue_FailsWithAmazonSqsException()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task("arn:aws:states:::sqs:sendMessage", """{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/nope","MessageBody":"x"}"""));

        Assert.Equal("SQS.AmazonSQSException", execution.Error);
        Assert.Contains("Error Code: AWS.SimpleQueueService.NonExistentQueue", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqsSendMessage_WaitForTaskToken_ResumesWithTheConsumersOutput()
    {
        var queue = _harness.Integrations.Broker.CreateQueue("approvals");
        var execution = _harness.Start(IntegrationHarness.Task(
            "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            """{"QueueUrl":"approvals","MessageBody":{"token.$":"$$.Task.Token"}}"""));

        var message = Assert.Single(await queue.ReceiveAsync(wait: TimeSpan.FromSeconds(30)));
        _harness.Engine.SendTaskSuccess(JsonNode.Parse(message.Body)!["token"]!.GetValue<string>(), """{"decision":"approved"}""");
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("""{"decision":"approved"}""", IntegrationHarness.Output(execution).ToJsonString());
        Assert.Equal(("sqs", "sendMessage.waitForTaskToken"), IntegrationHarness.Scheduled(execution));
        Assert.Contains("TaskSubmitted,TaskSucceeded", IntegrationHarness.Types(execution), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalQueue_ReceivedTwiceWithoutDelete_MovesToTheDeadLetterQueue()
    {
        var broker = _harness.Integrations.Broker;
        var dlq = broker.CreateQueue("orders-dlq");
        var queue = broker.CreateQueue("orders-redrive", TimeSpan.FromSeconds(30), dlq, maxReceiveCount: 2);
        queue.Send("poison");

        var first = await queue.ReceiveAsync();
        var hidden = await queue.ReceiveAsync();
        await _harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(31));
        var second = await queue.ReceiveAsync();
        await _harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(31));
        var third = await queue.ReceiveAsync();

        Assert.Equal((1, 0, 2, 0), (first.Count, hidden.Count, second.Single().ReceiveCount, third.Count));
        Assert.Equal("poison", Assert.Single(await dlq.ReceiveAsync()).Body);
    }

    [Fact]
    public async Task LocalQueue_DeletedMessage_IsNotReceivedAgain()
    {
        var queue = _harness.Integrations.Broker.CreateQueue("work");
        queue.Send("job");

        var received = Assert.Single(await queue.ReceiveAsync());
        var deleted = queue.Delete(received.ReceiptHandle);
        await _harness.Clock.AdvanceAsync(TimeSpan.FromSeconds(31));

        Assert.Equal((true, 0), (deleted, queue.Count));
    }

    [Fact]
    public async Task SnsPublish_LocalTopic_FansOutToQueueEnvelopeAndCallback()
    {
        var broker = _harness.Integrations.Broker;
        var topic = broker.CreateTopic("alerts");
        var queue = broker.CreateQueue("alerts-inbox");
        using var queueSubscription = topic.Subscribe(queue);
        var delivered = new TaskCompletionSource<LocalNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var callbackSubscription = topic.Subscribe((notification, _) =>
        {
            delivered.TrySetResult(notification);
            return Task.CompletedTask;
        });

        var execution = await _harness.RunAsync(IntegrationHarness.Task(
            "arn:aws:states:::sns:publish",
            """{"TopicArn":"arn:aws:sns:us-east-1:123456789012:alerts","Message":{"review":"bad"},"Subject":"negative"}"""));

        var envelope = JsonNode.Parse(Assert.Single(await queue.ReceiveAsync()).Body)!;
        var notification = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var messageId = IntegrationHarness.Output(execution)["MessageId"]!.GetValue<string>();
        Assert.Equal(("Notification", """{"review":"bad"}""", messageId), (envelope["Type"]!.GetValue<string>(), envelope["Message"]!.GetValue<string>(), envelope["MessageId"]!.GetValue<string>()));
        Assert.Equal(("negative", messageId), (notification.Subject, notification.MessageId));
        Assert.Equal(("sns", "publish"), IntegrationHarness.Scheduled(execution));
    }

    [Fact]
    public async Task SnsPublish_UnknownTopic_FailsWithNotFoundException()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task("arn:aws:states:::sns:publish", """{"TopicArn":"arn:aws:sns:us-east-1:123456789012:none","Message":"x"}"""));

        Assert.Equal("SNS.NotFoundException", execution.Error);
        Assert.StartsWith("Topic does not exist (Service: AmazonSNS; Status Code: 404; Error Code: NotFound;", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventsPutEvents_LocalBus_RecordsTheEventWithTheExecutionAsResource()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task(
            "arn:aws:states:::events:putEvents",
            """{"Entries":[{"Source":"orders","DetailType":"OrderShipped","Detail":{"orderId":"o-9"}}]}"""));

        var recorded = Assert.Single(_harness.Integrations.EventBus.Events);
        var output = IntegrationHarness.Output(execution);
        Assert.Equal((recorded.EventId, 0), (output["Entries"]![0]!["EventId"]!.GetValue<string>(), output["FailedEntryCount"]!.GetValue<int>()));
        Assert.Equal(("orders", "OrderShipped", """{"orderId":"o-9"}"""), (recorded.Source, recorded.DetailType, recorded.Detail));
        Assert.Equal([execution.Arn], recorded.Resources);
        Assert.Equal(("events", "putEvents"), IntegrationHarness.Scheduled(execution));
    }

    [Fact]
    public async Task EventsPutEvents_EntryWithoutSource_FailsWithFailedEntry()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task("arn:aws:states:::events:putEvents", """{"Entries":[{"DetailType":"X","Detail":{}}]}"""));

        Assert.Equal("EventBridge.FailedEntry", execution.Error);
        Assert.Contains("\"FailedEntryCount\":1", execution.Cause, StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();

#pragma warning disable CA5351 // SQS's MD5OfMessageBody is MD5 by definition.
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
