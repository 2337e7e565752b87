using Asl;

namespace Asl.Tests.Validation;

public sealed class MapAndParallelTests
{
    private const string MapTemplate = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", FIELDS "End": true,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
        """;

    private static IReadOnlyList<AslDiagnostic> ValidateMap(string fields) =>
        AslValidator.Validate(MapTemplate.Replace("FIELDS", fields, StringComparison.Ordinal), StateMachineType.Standard);

    [Fact]
    public void Validate_MapWithoutProcessor_RequiresItemProcessor()
    {
        const string definition = """{"StartAt": "M", "States": {"M": {"Type": "Map", "End": true}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [ItemProcessor]", "/States/M")], diagnostics);
    }

    [Fact]
    public void Validate_MaxConcurrencyNegative_BelowMinimum()
    {
        var diagnostics = ValidateMap("\"MaxConcurrency\": -1,");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Minimum value is 0", "/States/M/MaxConcurrency")], diagnostics);
    }

    [Fact]
    public void Validate_MaxConcurrencyAndPath_OnlyOneAllowedAtTheFirst()
    {
        var diagnostics = ValidateMap("\"MaxConcurrency\": 2, \"MaxConcurrencyPath\": \"$.limit\",");

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "There should only be one of the following fields: [MaxConcurrency, MaxConcurrencyPath]", "/States/M/MaxConcurrency")],
            diagnostics);
    }

    [Fact]
    public void Validate_MaxConcurrencyPathWithWildcard_IsNotAReferencePath()
    {
        var diagnostics = ValidateMap("\"MaxConcurrencyPath\": \"$.limits[*]\",");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Value is not a Reference Path", "/States/M/MaxConcurrencyPath")], diagnostics);
    }

    [Theory]
    [InlineData("\"ToleratedFailurePercentage\": 101,", "Maximum value is 100.0", "ToleratedFailurePercentage")]
    [InlineData("\"ToleratedFailurePercentage\": -1,", "Minimum value is 0.0", "ToleratedFailurePercentage")]
    [InlineData("\"ToleratedFailureCount\": -1,", "Minimum value is 0", "ToleratedFailureCount")]
    public void Validate_ToleratedFailureOutOfRange_ReportsTheBound(string field, string message, string name)
    {
        var diagnostics = ValidateMap(field);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", message, $"/States/M/{name}")], diagnostics);
    }

    [Fact]
    public void Validate_ParametersAndItemSelector_OnlyOneAllowed()
    {
        var diagnostics = ValidateMap("\"Parameters\": {\"a.$\": \"$.a\"}, \"ItemSelector\": {\"b.$\": \"$$.Map.Item.Value\"},");

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "There should only be one of the following fields: [Parameters, ItemSelector]", "/States/M/Parameters")],
            diagnostics);
    }

    [Fact]
    public void Validate_UnknownProcessorMode_ListsTheModes()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
              "ItemProcessor": {"ProcessorConfig": {"Mode": "REMOTE"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Value should be one of the following: [INLINE, DISTRIBUTED]", "/States/M/ItemProcessor/ProcessorConfig/Mode")],
            diagnostics);
    }

    [Fact]
    public void Validate_UnknownItemReaderInputType_ListsTheTypes()
    {
        var diagnostics = ValidateMap(
            "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"ReaderConfig\": {\"InputType\": \"XML\"}, \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}},");

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Value should be one of the following: [CSV, JSON, JSONL, MANIFEST, PARQUET]", "/States/M/ItemReader/ReaderConfig/InputType")],
            diagnostics);
    }

    [Fact]
    public void Validate_ItemReaderMaxItemsAboveLimit_ReportsMaximum()
    {
        var diagnostics = ValidateMap(
            "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"ReaderConfig\": {\"InputType\": \"CSV\", \"MaxItems\": 100000001}, \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}},");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Maximum value is 100000000", "/States/M/ItemReader/ReaderConfig/MaxItems")], diagnostics);
    }

    [Fact]
    public void Validate_ItemReaderWithUnknownResource_ListsTheResources()
    {
        var diagnostics = ValidateMap("\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:unknownOperation\", \"Parameters\": {\"Bucket\": \"b\"}},");

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Value should be one of the following: [arn:aws:states:::s3:getObject, arn:aws:states:::s3:listObjectsV2]", "/States/M/ItemReader/Resource")],
            diagnostics);
    }

    [Fact]
    public void Validate_ItemBatcherItemsAndPath_OnlyOneAllowed()
    {
        var diagnostics = ValidateMap("\"ItemBatcher\": {\"MaxItemsPerBatch\": 10, \"MaxItemsPerBatchPath\": \"$.batch\"},");

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "There should only be one of the following fields: [MaxItemsPerBatch, MaxItemsPerBatchPath]", "/States/M/ItemBatcher/MaxItemsPerBatch")],
            diagnostics);
    }

    [Fact]
    public void Validate_DistributedMapWithEverything_IsValid()
    {
        var diagnostics = ValidateMap(
            "\"Label\": \"Rows\", \"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"ReaderConfig\": {\"InputType\": \"CSV\", \"CSVHeaderLocation\": \"FIRST_ROW\", \"MaxItems\": 1000}, "
            + "\"Parameters\": {\"Bucket.$\": \"$.bucket\", \"Key.$\": \"$.key\"}}, \"ItemBatcher\": {\"MaxItemsPerBatch\": 100, \"BatchInput\": {\"runId.$\": \"$$.Execution.Name\"}}, "
            + "\"ItemSelector\": {\"row.$\": \"$$.Map.Item.Value\"}, \"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\", \"Parameters\": {\"Bucket\": \"out\", \"Prefix\": \"etl\"}}, "
            + "\"MaxConcurrency\": 10, \"ToleratedFailurePercentage\": 5, \"ResultPath\": \"$.map\",");

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_IteratorAndItemProcessor_OnlyOneAllowed()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
              "Iterator": {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
              "ItemProcessor": {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal(
            [new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "There should only be one of the following fields: [Iterator, ItemProcessor]", "/States/M/Iterator")],
            diagnostics);
    }

    [Fact]
    public void Validate_ParallelWithoutBranches_RequiresBranches()
    {
        const string definition = """{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [Branches]", "/States/P")], diagnostics);
    }

    [Fact]
    public void Validate_BranchWithoutStartAt_RequiresStartAt()
    {
        const string definition = """{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [{"States": {"A": {"Type": "Succeed"}}}]}}}""";

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [StartAt]", "/States/P/Branches[0]")], diagnostics);
    }

    [Fact]
    public void Validate_ProblemsInsideBranch_AreReportedAtTheirNestedPath()
    {
        const string definition = """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 0, "End": true}}}]}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Minimum value is 1", "/States/P/Branches[0]/States/T/TimeoutSeconds")], diagnostics);
    }

    [Fact]
    public void Validate_DistributedWithoutExecutionType_RequiresIt()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [ExecutionType]", "/States/M/ItemProcessor/ProcessorConfig")], diagnostics);
    }

    [Fact]
    public void Validate_InlineWithExecutionType_IsNotSupported()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
              "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE", "ExecutionType": "STANDARD"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
            """;

        var diagnostics = AslValidator.Validate(definition, StateMachineType.Standard);

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "Field 'ExecutionType' is not supported", "/States/M/ItemProcessor/ProcessorConfig")], diagnostics);
    }

    [Fact]
    public void Validate_GivenCsvHeadersMissing_RequiresCsvHeaders()
    {
        var diagnostics = ValidateMap(
            "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"ReaderConfig\": {\"InputType\": \"CSV\", \"CSVHeaderLocation\": \"GIVEN\"}, \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}},");

        Assert.Equal([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [CSVHeaders]", "/States/M/ItemReader/ReaderConfig")], diagnostics);
    }
}
