namespace Local.Tests.Api;

/// <summary>The state machine definitions the API tests run.</summary>
internal static class Definitions
{
    /// <summary>Three Pass states adding fields: 8 history events.</summary>
    public const string PassChain = """
        {"StartAt":"First","States":{
          "First":{"Type":"Pass","Result":"one","ResultPath":"$.first","Next":"Second"},
          "Second":{"Type":"Pass","Result":"two","ResultPath":"$.second","Next":"Third"},
          "Third":{"Type":"Pass","Result":"three","ResultPath":"$.third","End":true}}}
        """;

    /// <summary>One callback task that waits for SendTaskSuccess/Failure, its result under $.approval.</summary>
    public const string Callback = """
        {"StartAt":"AwaitApproval","States":{
          "AwaitApproval":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"ResultPath":"$.approval","End":true}}}
        """;

    /// <summary>An Express machine: a Pass and a Choice.</summary>
    public const string ExpressGreeting = """
        {"StartAt":"Greet","States":{
          "Greet":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('hello {}', $.who)"},"Next":"Known"},
          "Known":{"Type":"Choice","Choices":[{"Variable":"$.greeting","StringEquals":"hello nobody","Next":"Reject"}],"Default":"Done"},
          "Reject":{"Type":"Fail","Error":"Nobody","Cause":"no one to greet"},
          "Done":{"Type":"Succeed"}}}
        """;

    /// <summary>Two Lambda tasks answered only by MockConfigFile test cases.</summary>
    public const string MockedOrder = """
        {"StartAt":"Charge","States":{
          "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"charge"},
            "ResultSelector":{"charged.$":"$.Payload.amount"},"ResultPath":"$.charge","Next":"Ship",
            "Catch":[{"ErrorEquals":["PaymentDeclined"],"ResultPath":"$.error","Next":"Declined"}]},
          "Ship":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"ship"},
            "OutputPath":"$.Payload","End":true},
          "Declined":{"Type":"Fail","Error":"OrderDeclined","Cause":"payment declined"}}}
        """;
}
