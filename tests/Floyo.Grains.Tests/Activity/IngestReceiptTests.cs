using Floyo.Activity;

namespace Floyo.Grains.Tests.Activity;

public sealed class IngestReceiptTests
{
    // Five events: rejected, accepted (10), duplicate of 7, accepted (11), accepted (12).
    private static readonly IngestReceipt Receipt = new(
        5, 10, [0, 2], [IngestItemResult.Reject("entity", "Is required."), new IngestItemResult(IngestOutcome.Duplicate, 7)]);

    [Fact]
    public void Items_ReadInBatchOrder_NumberTheAcceptedOnesConsecutivelyAroundTheOthers()
    {
        Assert.Equal(
            [
                IngestItemResult.Reject("entity", "Is required."),
                new IngestItemResult(IngestOutcome.Accepted, 10),
                new IngestItemResult(IngestOutcome.Duplicate, 7),
                new IngestItemResult(IngestOutcome.Accepted, 11),
                new IngestItemResult(IngestOutcome.Accepted, 12),
            ],
            Receipt);
        Assert.Equal(5, Receipt.Count);
        Assert.Equal(3, Receipt.Accepted);
    }

    [Fact]
    public void SequenceAt_ForAnAcceptedEvent_GivesItsNumberAndNoOtherResult()
    {
        Assert.Equal(11, Receipt.SequenceAt(3, out var accepted));
        Assert.Null(accepted);
        Assert.Equal(0, Receipt.SequenceAt(2, out var duplicate));
        Assert.Equal(new IngestItemResult(IngestOutcome.Duplicate, 7), duplicate);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void SequenceAt_OutsideTheBatch_Throws(int index) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Receipt.SequenceAt(index, out _));

    [Fact]
    public void Empty_HasNoItems()
    {
        Assert.Empty(IngestReceipt.Empty);
        Assert.Equal(0, IngestReceipt.Empty.Accepted);
    }
}
