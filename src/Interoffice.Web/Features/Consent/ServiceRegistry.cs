using Interoffice.Web.Infrastructure.Hosting;
using System.Text.RegularExpressions;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Every third-party service the site knows. The cookie statement, the gating of markup and the
/// Content-Security-Policy are all read from here, so what the statement says and what the site does cannot drift apart.
/// </summary>
public static partial class ServiceRegistry
{
    public const string GoogleAnalytics = "GoogleAnalytics";
    public const string Hotjar = "Hotjar";
    public const string GoogleAds = "GoogleAds";
    public const string MetaPixel = "MetaPixel";
    public const string LinkedInInsight = "LinkedInInsight";
    public const string YouTube = "YouTube";

    /// <summary>Where embedded videos come from: YouTube's privacy-enhanced mode.</summary>
    public const string YouTubeOrigin = "https://www.youtube-nocookie.com";

    private static readonly Uri GooglePolicy = new("https://policies.google.com/privacy?hl=nl");

    public static readonly IReadOnlyList<ThirdPartyService> All =
    [
        new()
        {
            Key = GoogleAnalytics,
            Name = "Google Analytics",
            Category = ConsentCategory.Analytics,
            Provider = "Google Ireland Ltd.",
            Party = "Google",
            Purpose = "Statistieken over het gebruik van de website: welke pagina's bezocht worden, hoe vaak en hoe lang.",
            PrivacyPolicy = GooglePolicy,
            IdPattern = GoogleAnalyticsId(),
            UsesGoogleConsentMode = true,
            Cookies =
            [
                new("_ga", "2 jaar", "Onderscheidt bezoekers voor de statistieken."),
                new("_ga_*", "2 jaar", "Houdt de sessie bij voor de statistieken."),
                new("_gid", "24 uur", "Onderscheidt bezoekers voor de statistieken."),
                new("_gat*", "1 minuut", "Beperkt het aantal verzoeken aan Google."),
            ],
            Sources = new Dictionary<string, string[]>
            {
                ["script-src"] = ["https://www.googletagmanager.com"],
                ["connect-src"] = ["https://*.google-analytics.com", "https://*.analytics.google.com", "https://www.googletagmanager.com"],
                ["img-src"] = ["https://*.google-analytics.com", "https://www.googletagmanager.com"],
            },
            Placement = MarkupPlacement.Head,
            Markup = id =>
                $"<script async src=\"https://www.googletagmanager.com/gtag/js?id={id}\"></script>\n" +
                $"<script>gtag('js', new Date()); gtag('config', '{id}');</script>",
        },
        new()
        {
            Key = Hotjar,
            Name = "Hotjar",
            Category = ConsentCategory.Analytics,
            Provider = "Hotjar Ltd.",
            Party = "Hotjar",
            Purpose = "Inzicht in hoe bezoekers pagina's gebruiken, zoals waar zij klikken en hoe ver zij scrollen.",
            PrivacyPolicy = new Uri("https://www.hotjar.com/legal/policies/privacy/"),
            IdPattern = Numeric(),
            Cookies =
            [
                new("_hjSessionUser_*", "1 jaar", "Herkent een terugkerende bezoeker."),
                new("_hjSession_*", "30 minuten", "Houdt de huidige sessie bij."),
                new("_hj*", "sessie tot 1 jaar", "Overige Hotjar-cookies voor de werking van de meting."),
            ],
            Sources = new Dictionary<string, string[]>
            {
                ["script-src"] = ["https://static.hotjar.com", "https://script.hotjar.com"],
                ["connect-src"] = ["https://*.hotjar.com", "https://*.hotjar.io", "wss://*.hotjar.com"],
                ["img-src"] = ["https://*.hotjar.com"],
                ["font-src"] = ["https://script.hotjar.com"],
                ["frame-src"] = ["https://vars.hotjar.com"],
            },
            Placement = MarkupPlacement.Head,
            Markup = id =>
                $"<script>(function(h,o,t,j,a,r){{h.hj=h.hj||function(){{(h.hj.q=h.hj.q||[]).push(arguments)}};" +
                $"h._hjSettings={{hjid:{id},hjsv:6}};a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;" +
                "r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');</script>",
        },
        new()
        {
            Key = LinkedInInsight,
            Name = "LinkedIn Insight Tag",
            Category = ConsentCategory.Tracking,
            Provider = "LinkedIn Ireland Unlimited Company",
            Party = "LinkedIn",
            Purpose = "Bouwt een profiel op van uw bezoek, zodat advertenties op LinkedIn beter bij u passen.",
            PrivacyPolicy = new Uri("https://nl.linkedin.com/legal/privacy-policy"),
            IdPattern = Numeric(),
            Cookies =
            [
                new("li_fat_id", "30 dagen", "Koppelt uw bezoek aan een klik op een LinkedIn-advertentie."),
                new("li_giant", "7 dagen", "Koppelt uw bezoek aan een LinkedIn-campagne."),
                new("bcookie", "1 jaar", "Herkent uw browser bij LinkedIn.", "linkedin.com"),
                new("lidc", "24 uur", "Verdeelt verzoeken over de servers van LinkedIn.", "linkedin.com"),
                new("UserMatchHistory", "30 dagen", "Synchroniseert uw LinkedIn-profiel voor advertenties.", "linkedin.com"),
            ],
            Sources = new Dictionary<string, string[]>
            {
                ["script-src"] = ["https://snap.licdn.com"],
                ["connect-src"] = ["https://px.ads.linkedin.com"],
                ["img-src"] = ["https://px.ads.linkedin.com", "https://www.linkedin.com"],
            },
            Placement = MarkupPlacement.BodyEnd,
            Markup = id =>
                $"<script>window._linkedin_partner_id=\"{id}\";window._linkedin_data_partner_ids=window._linkedin_data_partner_ids||[];" +
                "window._linkedin_data_partner_ids.push(window._linkedin_partner_id);(function(l){if(!l){window.lintrk=function(a,b){window.lintrk.q.push([a,b])};" +
                "window.lintrk.q=[]}var s=document.getElementsByTagName('script')[0];var b=document.createElement('script');b.async=true;" +
                "b.src='https://snap.licdn.com/li.lms-analytics/insight.min.js';s.parentNode.insertBefore(b,s);})(window.lintrk);</script>",
        },
        new()
        {
            Key = YouTube,
            Name = "YouTube",
            Category = ConsentCategory.Social,
            Provider = "Google Ireland Ltd.",
            Party = "Google",
            Purpose = "Video's van YouTube op de website afspelen, via youtube-nocookie.com.",
            PrivacyPolicy = GooglePolicy,
            Cookies =
            [
                new("VISITOR_INFO1_LIVE", "6 maanden", "Schat de bandbreedte voor het afspelen.", "youtube.com"),
                new("VISITOR_PRIVACY_METADATA", "6 maanden", "Bewaart uw privacykeuze bij YouTube.", "youtube.com"),
                new("YSC", "sessie", "Telt het aantal weergaven.", "youtube.com"),
            ],
            Sources = new Dictionary<string, string[]>
            {
                ["frame-src"] = [YouTubeOrigin],
            },
        },
        new()
        {
            Key = GoogleAds,
            Name = "Google Ads",
            Category = ConsentCategory.Advertising,
            Provider = "Google Ireland Ltd.",
            Party = "Google",
            Purpose = "Meet of een bezoek uit een advertentie van Google komt en wat daarna gebeurt, en toont advertenties op basis van uw bezoek.",
            PrivacyPolicy = GooglePolicy,
            IdPattern = GoogleAdsId(),
            UsesGoogleConsentMode = true,
            Cookies =
            [
                new("_gcl_*", "90 dagen", "Koppelt een klik op een advertentie aan uw bezoek."),
                new("IDE", "13 maanden", "Toont advertenties op basis van uw surfgedrag.", "doubleclick.net"),
            ],
            Sources = new Dictionary<string, string[]>
            {
                ["script-src"] = ["https://www.googletagmanager.com", "https://www.googleadservices.com", "https://googleads.g.doubleclick.net"],
                ["connect-src"] = ["https://www.google.com", "https://googleads.g.doubleclick.net", "https://www.googleadservices.com"],
                ["img-src"] = ["https://www.google.com", "https://www.google.nl", "https://googleads.g.doubleclick.net", "https://www.googleadservices.com"],
                ["frame-src"] = ["https://td.doubleclick.net", "https://www.googletagmanager.com"],
            },
            Placement = MarkupPlacement.Head,
            Markup = id =>
                $"<script async src=\"https://www.googletagmanager.com/gtag/js?id={id}\"></script>\n" +
                $"<script>gtag('js', new Date()); gtag('config', '{id}');</script>",
        },
        new()
        {
            Key = MetaPixel,
            Name = "Meta Pixel (Custom Audience)",
            Category = ConsentCategory.Advertising,
            Provider = "Meta Platforms Ireland Ltd.",
            Party = "Meta",
            Purpose = "Meet het effect van advertenties op Facebook en Instagram en toont daar advertenties aan bezoekers van deze website.",
            PrivacyPolicy = new Uri("https://www.facebook.com/privacy/policy/"),
            IdPattern = Numeric(),
            Cookies =
            [
                new("_fbp", "90 dagen", "Herkent uw browser voor advertenties van Meta."),
                new("_fbc", "90 dagen", "Koppelt een klik op een advertentie van Meta aan uw bezoek."),
                new("fr", "90 dagen", "Toont en meet advertenties van Meta.", "facebook.com"),
            ],
            Sources = new Dictionary<string, string[]>
            {
                ["script-src"] = ["https://connect.facebook.net"],
                ["connect-src"] = ["https://www.facebook.com", "https://connect.facebook.net"],
                ["img-src"] = ["https://www.facebook.com"],
                ["frame-src"] = ["https://www.facebook.com"],
            },
            Placement = MarkupPlacement.BodyEnd,
            Markup = id =>
                $"<script>!function(f,b,e,v,n,t,s){{if(f.fbq)return;n=f.fbq=function(){{n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)}};" +
                "if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];" +
                $"s.parentNode.insertBefore(t,s)}}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init','{id}');fbq('track','PageView');</script>",
        },
    ];

    /// <summary>The site's own cookies: functional, so never a choice, but listed all the same.</summary>
    public static readonly IReadOnlyList<ServiceCookie> FunctionalCookies =
    [
        new(ConsentCookie.Name, "12 maanden na toestemming, 6 maanden na weigering", "Onthoudt uw cookiekeuze (met een keuzenummer, zonder persoonsgegevens)."),
        new("io.af", "sessie", "Beveiligt het contactformulier tegen misbruik (antiforgery); alleen na het openen van de contactpagina."),
        new(HostingExtensions.OneTimeMessageCookie, "sessie", "Toont eenmalig een bevestiging, zoals uw referentienummer na het contactformulier."),
    ];

    public static ThirdPartyService? Find(string key) =>
        All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("^G-[A-Z0-9]{4,20}$")]
    private static partial Regex GoogleAnalyticsId();

    [GeneratedRegex("^AW-[0-9]{4,20}$")]
    private static partial Regex GoogleAdsId();

    [GeneratedRegex("^[0-9]{4,20}$")]
    private static partial Regex Numeric();
}
