using System.Globalization;
using System.Net;
using System.Text;
using Interoffice.Web.Features.Consent;
using Microsoft.AspNetCore.Html;

namespace Interoffice.Web.Areas.Beheer.Features.ConsentFigures;

/// <summary>
/// The figures as charts drawn on the server: plain inline SVG with presentation attributes (no script, no inline
/// style, nothing fetched). Each chart is one image to assistive technology (role="img", named by its title, described by
/// its desc); the page puts a table with the same numbers beside it. Every colour has at least 3:1 contrast against white,
/// and stacked parts are parted by a white line.
/// </summary>
public static class Charts
{
    /// <summary>The colour of each method, in stacking order (bottom first).</summary>
    public static readonly IReadOnlyList<(ConsentMethod Method, string Colour)> MethodColours =
    [
        (ConsentMethod.AcceptAll, "#1a7f37"),
        (ConsentMethod.RejectAll, "#b35900"),
        (ConsentMethod.Settings, "#0b4f8a"),
        (ConsentMethod.Embed, "#6f42c1"),
    ];

    private const string Text = "#212529";
    private const string Grid = "#dee2e6";
    private const string Axis = "#6c757d";
    private const string Brand = "#0b4f8a";
    private const string Track = "#e9ecef";
    private const int FontSize = 14;

    /// <summary>A stacked bar per week: the choices of that week, split by how they were made.</summary>
    public static IHtmlContent WeeklyChoices(IReadOnlyList<WeekFigures> weeks, string id)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        const double width = 760, height = 300, left = 52, right = 12, top = 16, bottom = 48;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var max = weeks.Count == 0 ? 0 : weeks.Max(w => w.Tally.Choices);
        var (step, axisTop) = Scale(max);
        var total = weeks.Sum(w => w.Tally.Choices);
        var description = weeks.Count == 0
            ? "Geen weken in deze periode."
            : $"Gestapelde staafgrafiek over {weeks.Count} {(weeks.Count == 1 ? "week" : "weken")}, {weeks[0].Week.Label} tot en met {weeks[^1].Week.Label}: "
              + $"per week het aantal keuzes, opgedeeld in {string.Join(", ", MethodColours.Select(m => m.Method.Heading().ToLowerInvariant()))}. "
              + $"In totaal {FigureText.Number(total)} {(total == 1 ? "keuze" : "keuzes")}, hoogstens {FigureText.Number(max)} in één week. De tabel hieronder geeft dezelfde cijfers.";

        var svg = Open(id, width, height, "Keuzes per week, naar hoe ze zijn gemaakt", description);
        double Y(double value) => top + plotHeight - (value / axisTop * plotHeight);

        for (var tick = 0; tick <= axisTop; tick += step)
        {
            var y = Y(tick);
            svg.Append(Line(left, y, width - right, y, tick == 0 ? Axis : Grid));
            svg.Append(Label(left - 8, y + 4, FigureText.Number(tick), "end"));
        }

        var slot = weeks.Count == 0 ? plotWidth : plotWidth / weeks.Count;
        var barWidth = Math.Min(48, slot * 0.7);

        // Label every week while the labels fit, otherwise every n-th; a new year also shows the year.
        var labelEvery = Math.Max(1, (int)Math.Ceiling(56 / slot));
        for (var i = 0; i < weeks.Count; i++)
        {
            var week = weeks[i];
            var x = left + (i * slot) + ((slot - barWidth) / 2);
            double stacked = 0;
            foreach (var (method, colour) in MethodColours)
            {
                var count = week.Tally.Count(method);
                if (count == 0)
                {
                    continue;
                }

                var y = Y(stacked + count);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{Y(stacked) - y:0.#}\" fill=\"{colour}\" stroke=\"#fff\" stroke-width=\"1\"/>");
                stacked += count;
            }

            var centre = x + (barWidth / 2);
            if (week.Tally.Choices > 0 && slot >= 28)
            {
                svg.Append(Label(centre, Y(stacked) - 4, FigureText.Number(week.Tally.Choices), "middle"));
            }

            if (i % labelEvery == 0)
            {
                svg.Append(Label(centre, height - bottom + 18, $"wk {week.Week.Week}", "middle"));
                if (i == 0 || week.Week.Week <= labelEvery)
                {
                    svg.Append(Label(centre, height - bottom + 36, week.Week.Year.ToString(CultureInfo.InvariantCulture), "middle"));
                }
            }
        }

        if (total == 0)
        {
            svg.Append(Label(left + (plotWidth / 2), top + (plotHeight / 2), "Geen keuzes in deze periode", "middle"));
        }

        return Close(svg);
    }

    /// <summary>The legend of <see cref="WeeklyChoices"/>: a coloured square and the method's name, as HTML that wraps.</summary>
    public static IHtmlContent MethodLegend()
    {
        var html = new StringBuilder("<ul class=\"chart-legend\">");
        foreach (var (method, colour) in MethodColours)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"14\" height=\"14\" fill=\"{colour}\"/></svg> {Encode(method.Heading())}</li>");
        }

        return new HtmlString(html.Append("</ul>").ToString());
    }

    /// <summary>A horizontal bar per category: the share of the choices that granted it, of those in which it was offered.</summary>
    public static IHtmlContent CategoryShares(Tally tally, string id)
    {
        ArgumentNullException.ThrowIfNull(tally);
        const double width = 760, labelWidth = 130, trackWidth = 440, rowHeight = 36, top = 8;
        var categories = ConsentCategories.Optional;
        var height = top + (categories.Count * rowHeight) + 28;
        var parts = categories.Select(c => $"{c.Info().Label} {(tally.Share(c) is null ? "niet aangeboden" : FigureText.Percent(tally.Share(c)))}");
        var description = "Staafgrafiek: per categorie het deel van de keuzes waarin de categorie werd aangeboden dat haar toestond. "
            + string.Join(", ", parts) + ". De tabel hieronder geeft dezelfde cijfers.";
        var svg = Open(id, width, height, "Aandeel toegestaan per categorie", description);
        var bottom = top + (categories.Count * rowHeight);
        for (var percent = 0; percent <= 100; percent += 25)
        {
            var x = labelWidth + (trackWidth * percent / 100.0);
            svg.Append(Line(x, top, x, bottom, percent == 0 ? Axis : Grid));
            svg.Append(Label(x, bottom + 18, $"{percent}%", "middle"));
        }

        for (var i = 0; i < categories.Count; i++)
        {
            var category = categories[i];
            var y = top + (i * rowHeight) + 8;
            svg.Append(Label(labelWidth - 10, y + 15, category.Info().Label, "end"));
            if (tally.Share(category) is not { } share)
            {
                svg.Append(Label(labelWidth + 10, y + 15, "niet aangeboden", "start"));
                continue;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth:0.#}\" y=\"{y:0.#}\" width=\"{trackWidth:0.#}\" height=\"20\" fill=\"{Track}\"/>");
            if (share > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth:0.#}\" y=\"{y:0.#}\" width=\"{trackWidth * share:0.#}\" height=\"20\" fill=\"{Brand}\"/>");
            }

            svg.Append(Label(labelWidth + trackWidth + 10, y + 15, $"{FigureText.Percent(share)} ({FigureText.Number(tally.Granted(category))} van {FigureText.Number(tally.Offered(category))})", "start"));
        }

        return Close(svg);
    }

    /// <summary>A step of 1, 2 or 5 times a power of ten giving at most five gridlines, and the axis's top (at least 4).</summary>
    private static (int Step, int Top) Scale(int max)
    {
        var step = 1;
        while (Math.Ceiling(max / (double)step) > 5)
        {
            step = step.ToString(CultureInfo.InvariantCulture)[0] switch
            {
                '1' => step * 2,
                '2' => step / 2 * 5,
                _ => step * 2,
            };
        }

        return (step, Math.Max((int)Math.Ceiling(max / (double)step) * step, 4 * step));
    }

    private static StringBuilder Open(string id, double width, double height, string title, string description)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width:0.#} {height:0.#}\" role=\"img\" aria-labelledby=\"{id}-titel\" aria-describedby=\"{id}-uitleg\" font-size=\"{FontSize}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-titel\">{Encode(title)}</title><desc id=\"{id}-uitleg\">{Encode(description)}</desc>");
        return svg;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string Line(double x1, double y1, double x2, double y2, string colour) =>
        string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"{colour}\" stroke-width=\"1\"/>");

    private static string Label(double x, double y, string text, string anchor) =>
        string.Create(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" fill=\"{Text}\">{Encode(text)}</text>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
