using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// The parts of WireMock's admin API (<c>/__admin/...</c>) the tests use: reset, add a mapping, read the mappings and
/// the request journal. A plain <see cref="HttpClient"/>, so PaymentHttp's own handlers never touch it.
/// </summary>
public sealed class WireMockAdminClient : IDisposable
{
    private static readonly TimeSpan AdminCallTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;

    public WireMockAdminClient(Uri baseAddress)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseAddress, "__admin/"), Timeout = AdminCallTimeout };
    }

    /// <summary>Answers whether <c>/__admin/health</c> reports the server healthy; never throws for a server that is not up yet.</summary>
    public async Task<bool> IsHealthyAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            using var response = await _http.GetAsync("health", cancellation.Token);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Restores the mappings loaded from the mapping files (dropping those added at run time), empties the request
    /// journal and puts every scenario back in its <c>Started</c> state.
    /// </summary>
    public async Task ResetAsync()
    {
        await PostAsync("reset");
        await PostAsync("scenarios/reset");
    }

    /// <summary>Adds a mapping (WireMock JSON) until the next reset.</summary>
    public async Task AddMappingAsync(string mappingJson)
    {
        using var content = new StringContent(mappingJson, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("mappings", content);
        await EnsureSuccessAsync(response, "POST /__admin/mappings");
    }

    /// <summary>Counts the requests in the journal whose path is <paramref name="urlPath"/>, whatever their method.</summary>
    public async Task<int> CountRequestsAsync(string urlPath)
    {
        using var response = await _http.PostAsJsonAsync("requests/count", new { method = "ANY", urlPath });
        await EnsureSuccessAsync(response, "POST /__admin/requests/count");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body?["count"]?.GetValue<int>() ?? throw new InvalidOperationException("WireMock's request count had no count.");
    }

    /// <summary>Returns the URLs of requests that matched no mapping (WireMock answered them 404 on its own).</summary>
    public async Task<IReadOnlyList<string>> GetUnmatchedRequestsAsync()
    {
        var body = await GetJsonAsync("requests/unmatched");
        return body["requests"]?.AsArray()
            .Select(request => $"{request?["method"]} {request?["url"]}")
            .ToList() ?? [];
    }

    /// <summary>Returns the ids of every mapping WireMock serves now.</summary>
    public async Task<IReadOnlyList<string>> GetMappingIdsAsync()
    {
        var body = await GetJsonAsync("mappings");
        return body["mappings"]?.AsArray()
            .Select(mapping => mapping?["id"]?.GetValue<string>() ?? string.Empty)
            .ToList() ?? [];
    }

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(string path)
    {
        using var response = await _http.PostAsync(path, content: null);
        await EnsureSuccessAsync(response, $"POST /__admin/{path}");
    }

    private async Task<JsonObject> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        await EnsureSuccessAsync(response, $"GET /__admin/{path}");
        return await response.Content.ReadFromJsonAsync<JsonObject>()
            ?? throw new InvalidOperationException($"GET /__admin/{path} returned no JSON object.");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string call)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{call} answered {(int)response.StatusCode}: {body}");
        }
    }
}
