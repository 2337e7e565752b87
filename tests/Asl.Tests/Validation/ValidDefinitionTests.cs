using Asl;

namespace Asl.Tests.Validation;

public sealed class ValidDefinitionTests
{
    private const string JsonPathSaga = """
        {
          "Comment": "Order saga: 20 states",
          "StartAt": "Validate",
          "States": {
            "Validate": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:validate", "Payload.$": "$"}, "ResultSelector": {"order.$": "$.Payload"}, "ResultPath": "$.validation", "TimeoutSeconds": 30,
              "Retry": [{"ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"], "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 2, "JitterStrategy": "FULL"}],
              "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.errors.validate", "Next": "Failed"}], "Next": "Reserve"},
            "Reserve": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:reserve", "Payload.$": "$"}, "ResultPath": "$.reservation", "TimeoutSeconds": 30,
              "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.errors.reserve", "Next": "Release"}], "Next": "Charge"},
            "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:charge", "Payload.$": "$"}, "ResultPath": "$.payment", "TimeoutSeconds": 30,
              "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.errors.charge", "Next": "Refund"}], "Next": "NeedsApproval"},
            "NeedsApproval": {"Type": "Choice", "Choices": [{"Variable": "$.order.total", "NumericGreaterThan": 1000, "Next": "Approval"}], "Default": "Ship"},
            "Approval": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2", "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:approval", "Input": {"order.$": "$.order", "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"}}, "ResultPath": "$.approval",
              "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.errors.approval", "Next": "Refund"}], "Next": "Approved"},
            "Approved": {"Type": "Choice", "Choices": [{"Variable": "$.approval.Output.decision", "StringEquals": "APPROVED", "Next": "Ship"}], "Default": "Refund"},
            "Ship": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:ship", "Payload.$": "$"}, "ResultPath": "$.shipment",
              "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.errors.ship", "Next": "Refund"}], "Next": "MarkShipped"},
            "MarkShipped": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:updateItem", "Parameters": {"TableName": "orders", "Key": {"orderId": {"S.$": "$.order.orderId"}}, "UpdateExpression": "SET #s = :s", "ExpressionAttributeNames": {"#s": "status"}, "ExpressionAttributeValues": {":s": {"S": "SHIPPED"}}}, "ResultPath": null, "Next": "Notify"},
            "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Parameters": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:orders", "Message.$": "States.Format('Order {} shipped', $.order.orderId)"}, "ResultPath": null, "Next": "Wait"},
            "Wait": {"Type": "Wait", "Seconds": 5, "Next": "Summarize"},
            "Summarize": {"Type": "Pass", "Parameters": {"orderId.$": "$.order.orderId", "status": "SHIPPED"}, "Next": "Fanout"},
            "Fanout": {"Type": "Parallel", "Branches": [{"StartAt": "AuditA", "States": {"AuditA": {"Type": "Pass", "End": true}}}, {"StartAt": "AuditB", "States": {"AuditB": {"Type": "Pass", "End": true}}}], "ResultPath": null, "Next": "Items"},
            "Items": {"Type": "Map", "ItemsPath": "$.order.lines", "ItemSelector": {"line.$": "$$.Map.Item.Value"}, "MaxConcurrency": 4, "ItemProcessor": {"StartAt": "Line", "States": {"Line": {"Type": "Pass", "End": true}}}, "ResultPath": null, "Next": "Done"},
            "Done": {"Type": "Succeed"},
            "Refund": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:refund", "Payload.$": "$"}, "ResultPath": null, "Next": "Release"},
            "Release": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:release", "Payload.$": "$"}, "ResultPath": null, "Next": "RolledBack"},
            "RolledBack": {"Type": "Fail", "Error": "SagaRolledBack", "CausePath": "States.JsonToString($.errors)"},
            "Failed": {"Type": "Fail", "Error": "ValidationFailed", "Cause": "Invalid order"}
          }
        }
        """;

    private const string JsonataEverything = """
        {
          "QueryLanguage": "JSONata",
          "Comment": "Every state type in JSONata",
          "TimeoutSeconds": 300,
          "StartAt": "Classify",
          "States": {
            "Classify": {"Type": "Task", "Resource": "arn:aws:states:::bedrock:invokeModel",
              "Arguments": {"ModelId": "amazon.titan-text-express-v1", "Body": {"inputText": "{% 'Classify: ' & $states.input.review %}"}},
              "Output": {"review": "{% $states.input.review %}", "label": "{% $states.result.Body.results[0].outputText %}"},
              "Assign": {"attempt": "{% $states.context.State.RetryCount %}"},
              "TimeoutSeconds": "{% $states.input.timeout ? $states.input.timeout : 30 %}", "HeartbeatSeconds": 10,
              "Retry": [{"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": 2}],
              "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% $merge([$states.input, {'error': $states.errorOutput}]) %}", "Next": "Failed"}],
              "Next": "IsNegative"},
            "IsNegative": {"Type": "Choice", "Choices": [{"Condition": "{% $contains($states.input.label, 'negative') %}", "Assign": {"negative": true}, "Output": "{% $states.input %}", "Next": "Alert"}],
              "Default": "Hold", "Assign": {"negative": false}},
            "Alert": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Arguments": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:alerts", "Message": "{% $string($states.input) %}"}, "Next": "Hold"},
            "Hold": {"Type": "Wait", "Timestamp": "{% $now() %}", "Next": "Fan"},
            "Fan": {"Type": "Parallel", "Arguments": "{% $states.input %}", "Branches": [
              {"StartAt": "One", "States": {"One": {"Type": "Pass", "Output": {"n": 1}, "End": true}}},
              {"StartAt": "Two", "States": {"Two": {"Type": "Pass", "Output": {"n": 2}, "End": true}}}], "Next": "Each"},
            "Each": {"Type": "Map", "Items": "{% [1, 2, 3] %}", "ItemSelector": {"value": "{% $states.context.Map.Item.Value %}", "total": "{% $attempt %}"},
              "MaxConcurrency": 2, "ToleratedFailurePercentage": "{% 10 %}",
              "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Square", "States": {"Square": {"Type": "Pass", "Output": "{% $states.input.value * $states.input.value %}", "End": true}}},
              "Next": "Done"},
            "Done": {"Type": "Succeed", "Output": {"squares": "{% $states.input %}", "negative": "{% $negative %}"}},
            "Failed": {"Type": "Fail", "Error": "{% $states.input.error.Error %}", "Cause": "Classification failed"}
          }
        }
        """;

    private const string DistributedMapEtl = """
        {
          "StartAt": "Rows",
          "States": {
            "Rows": {"Type": "Map", "Label": "Rows",
              "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW", "CSVDelimiter": "COMMA", "MaxItemsPath": "$.limit"},
                "Parameters": {"Bucket.$": "$.bucket", "Key.$": "$.key"}},
              "ItemBatcher": {"MaxItemsPerBatch": 50, "MaxInputBytesPerBatch": 262144, "BatchInput": {"runId.$": "$$.Execution.Name"}},
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "Load",
                "States": {"Load": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "load", "Payload.$": "$"}, "OutputPath": "$.Payload", "End": true}}},
              "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "results", "Prefix": "etl"}, "WriterConfig": {"OutputType": "JSON", "Transformation": "COMPACT"}},
              "ToleratedFailurePercentagePath": "$.tolerance", "MaxConcurrencyPath": "$.concurrency", "ResultPath": "$.run", "Next": "Summary"},
            "Summary": {"Type": "Pass", "InputPath": "$.run", "Result": {"done": true}, "ResultPath": "$.summary", "Assign": {"written.$": "$.summary"}, "End": true}
          }
        }
        """;

    [Fact]
    public void Validate_JsonPathSagaUsingEveryStateType_IsValid()
    {
        var diagnostics = AslValidator.Validate(JsonPathSaga, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_JsonataMachineUsingEveryStateType_IsValid()
    {
        var diagnostics = AslValidator.Validate(JsonataEverything, StateMachineType.Express);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_DistributedMapWithReaderBatcherAndWriter_IsValid()
    {
        var diagnostics = AslValidator.Validate(DistributedMapEtl, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_LegacyIteratorWithParameters_IsValid()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "Parameters": {"item.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index"},
              "Iterator": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_ActivityAndHeartbeatPaths_IsValid()
    {
        const string definition = """
            {"StartAt": "Approve", "States": {"Approve": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:approve",
              "TimeoutSecondsPath": "$.timeout", "HeartbeatSecondsPath": "$.heartbeat", "Credentials": {"RoleArn.$": "$.role"}, "End": true}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Empty(diagnostics);
    }
}
