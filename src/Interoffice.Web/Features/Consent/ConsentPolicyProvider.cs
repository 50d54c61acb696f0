using Interoffice.Web.Features.Privacy;
using Microsoft.Extensions.Options;

namespace Interoffice.Web.Features.Consent;

/// <summary>
/// Makes the <see cref="ConsentPolicy"/> in force, once per published statement (the rest is fixed at start). The
/// same configuration gives the same hash on every run and instance. A request reads it once, through its
/// <see cref="ConsentContext"/>; only work outside a request (start-up, retention) asks here.
/// </summary>
public sealed class ConsentPolicyProvider(EnabledServices services, PrivacyStatementProvider statement, IOptions<ConsentOptions> options)
{
    private readonly ConsentTexts texts = ConsentTexts.For(services);

    private ConsentPolicy? current;

    public ConsentPolicy Current
    {
        get
        {
            var document = statement.Current;
            var cached = Volatile.Read(ref current);
            if (cached is not null && ReferenceEquals(cached.Statement, document))
            {
                return cached;
            }

            var snapshot = PolicySnapshot.Of(services, document, options.Value.Revision, texts);
            var json = snapshot.ToCanonicalJson();
            cached = new ConsentPolicy(document, snapshot, json, PolicySnapshot.HashOf(json));
            Volatile.Write(ref current, cached);
            return cached;
        }
    }

    /// <summary>The policy version a choice is made against now: the SHA-256 of the current snapshot.</summary>
    public string Version => Current.Version;
}
