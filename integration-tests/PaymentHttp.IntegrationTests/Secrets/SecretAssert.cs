using System.Collections;
using System.Text;

namespace PaymentHttp.IntegrationTests.Secrets;

/// <summary>Asserts that a secret appears in no sink: the exception and its error, the logs, the activities, the metrics.</summary>
public static class SecretAssert
{
    public static void ReachesNoSink(EchoedSecret form, PaymentProviderException exception, SecretSinks sinks)
    {
        foreach (var (sink, raw) in Texts(exception, sinks))
        {
            var text = raw.ReplaceLineEndings(" | ");
            foreach (var forbidden in form.Forbidden)
            {
                text.Contains(forbidden, StringComparison.OrdinalIgnoreCase).ShouldBeFalse($"'{form.Name}': '{forbidden}' reached {sink}: {text}");
            }

            if (form.Card is { } card)
            {
                WithoutSeparators(text).Contains(card[..12], StringComparison.Ordinal).ShouldBeFalse($"'{form.Name}': the card reached {sink}: {text}");
            }
        }
    }

    /// <summary>Every sink as (name, text).</summary>
    public static IEnumerable<(string Sink, string Text)> Texts(PaymentProviderException exception, SecretSinks sinks)
    {
        yield return ("exception message", exception.Message);
        yield return ("exception ToString()", exception.ToString());
        foreach (DictionaryEntry entry in exception.Data)
        {
            yield return ("exception Data", $"{entry.Key}={entry.Value}");
        }

        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            yield return ("inner exception message", inner.Message);
        }

        var error = exception.Error;
        yield return ("Error.ToString()", error.ToString());
        yield return ("Error.Message", error.Message);
        yield return ("Error.Code", error.Code ?? string.Empty);
        yield return ("Error.DeclineCode", error.DeclineCode ?? string.Empty);
        yield return ("Error.RequestId", error.RequestId ?? string.Empty);
        yield return ("exception.ProviderCode", exception.ProviderCode ?? string.Empty);
        foreach (var detail in error.Details)
        {
            yield return ("Error.Details", detail);
        }

        foreach (var field in error.FieldErrors)
        {
            yield return ("Error.FieldErrors.Field", field.Field);
            yield return ("Error.FieldErrors.Message", field.Message);
        }

        foreach (var log in sinks.Logs)
        {
            yield return ("log", log);
        }

        foreach (var activity in sinks.Activities)
        {
            yield return ("activity", activity);
        }

        foreach (var measurement in sinks.Measurements)
        {
            yield return ("metric", measurement);
        }
    }

    private static string WithoutSeparators(string text)
    {
        var digits = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && text[i + 1] == '2' && text[i + 2] == '0')
            {
                i += 2;
            }
            else if (text[i] is not (' ' or '-' or '.' or '+'))
            {
                digits.Append(text[i]);
            }
        }

        return digits.ToString();
    }
}
