namespace Floyo.SampleData;

/// <summary>One evaluation's results per pattern kind (summed over users).</summary>
public sealed record Evaluation(Confusion CoEditGroups, Confusion Workflows, Confusion FocusSessions, Confusion UnusualDays)
{
    public static Evaluation Zero { get; } = new(Confusion.Zero, Confusion.Zero, Confusion.Zero, Confusion.Zero);

    public static Evaluation operator +(Evaluation a, Evaluation b) => new(
        a.CoEditGroups + b.CoEditGroups, a.Workflows + b.Workflows, a.FocusSessions + b.FocusSessions, a.UnusualDays + b.UnusualDays);

    public override string ToString() =>
        $"co-edit groups: {CoEditGroups}\nworkflows:      {Workflows}\nfocus sessions: {FocusSessions}\nunusual days:   {UnusualDays}";
}
