namespace Interoffice.Web.Tests.Browser;

/// <summary>A browser test: skipped with a hint where no Chromium is found, unless REQUIRE_BROWSER=1.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.ExecutablePath is null && !Chromium.Required)
        {
            Skip = Chromium.InstallHint;
        }
    }

    /// <summary>The test runs the browser a visitor runs (<see cref="Chromium.VisitorsBrowserPath"/>), not the headless build.</summary>
    public bool VisitorsBrowser
    {
        get => Chromium.VisitorsBrowserPath is not null;
        set
        {
            if (value && Chromium.VisitorsBrowserPath is null && !Chromium.Required)
            {
                Skip = Chromium.VisitorsBrowserHint;
            }
        }
    }
}
