using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Interoffice.Web.Infrastructure.Hosting;

/// <summary>The framework's own messages for values it cannot bind, in Dutch like everything a visitor reads.</summary>
public static class DutchModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"'{value}' is geen geldige waarde voor {field}.");
        messages.SetMissingBindRequiredValueAccessor(field => $"{field} ontbreekt.");
        messages.SetMissingKeyOrValueAccessor(() => "Er ontbreekt een waarde.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Het verzoek is leeg.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"'{value}' is geen geldige waarde.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Deze waarde is niet geldig.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Vul een getal in.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"De waarde van {field} is niet geldig.");
        messages.SetValueIsInvalidAccessor(value => $"'{value}' is niet geldig.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} moet een getal zijn.");
        messages.SetValueMustNotBeNullAccessor(value => $"Vul dit veld in.");
    }
}
