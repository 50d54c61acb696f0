using Interoffice.Web.Features.Consent;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

/// <summary>Counts of a group of choices: how they were made, with GPC, and per category how often it was offered and granted.</summary>
public sealed class Tally
{
    private readonly int[] methods = new int[Enum.GetValues<ConsentMethod>().Length];
    private readonly int[] offered = new int[ConsentCategories.All.Count];
    private readonly int[] granted = new int[ConsentCategories.All.Count];

    public int Choices { get; private set; }

    /// <summary>Choices made with the browser's Global Privacy Control signal, whatever the method.</summary>
    public int WithGpc { get; private set; }

    public int Count(ConsentMethod method) => methods[(int)method];

    /// <summary>Choices in which the category was offered (the record holds true or false, not null).</summary>
    public int Offered(ConsentCategory category) => offered[(int)category];

    public int Granted(ConsentCategory category) => granted[(int)category];

    /// <summary>Granted out of offered; null when the category was not offered at all.</summary>
    public double? Share(ConsentCategory category) => Offered(category) == 0 ? null : (double)Granted(category) / Offered(category);

    public void Add(FigureRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Choices++;
        methods[(int)row.Method]++;
        if (row.GlobalPrivacyControl)
        {
            WithGpc++;
        }

        foreach (var category in ConsentCategories.Optional)
        {
            if (row.Answer(category) is { } answer)
            {
                offered[(int)category]++;
                if (answer)
                {
                    granted[(int)category]++;
                }
            }
        }
    }
}
