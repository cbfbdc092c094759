using System.Net.Http.Headers;
using System.Text;

namespace PaymentHttp.Testing;

/// <summary><c>Authorization: Basic base64(user:password)</c>, as Paysafe and MakeCommerce use it.</summary>
internal static class BasicCredentials
{
    public static AuthenticationHeaderValue Header(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    public static bool Matches(string? authorization, string user, string password)
    {
        if (authorization is null || !AuthenticationHeaderValue.TryParse(authorization, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            return string.Equals(decoded, user + ":" + password, StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
