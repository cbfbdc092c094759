using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.IntegrationTests.BadInput;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Encodings;

/// <summary>
/// PaymentHttp clients as users register them, over a real SocketsHttpHandler to a <see cref="RawHttpServer"/>: one
/// per provider (and "pts" for PagarStar with <c>AddPagarStarEncryption</c>) with AutomaticDecompression on, and one
/// with it off. Retries and the breaker are off so that each response is classified exactly once. Every byte the
/// client takes off its sockets is counted.
/// </summary>
public sealed class EncodingClients : IDisposable
{
    public const string Pts = "pts";

    private readonly ServiceProvider _services;
    private readonly IHttpClientFactory _factory;
    private long _socketBytes;

    public EncodingClients(Uri baseAddress, long? maxResponseContentBufferSize = null, int retries = 0)
    {
        var services = new ServiceCollection();
        foreach (var decompress in new[] { true, false })
        {
            foreach (var provider in Enum.GetValues<PaymentProvider>())
            {
                Register(services, Name(provider.ToString(), decompress), provider, encrypted: false, decompress, baseAddress, maxResponseContentBufferSize, retries);
            }

            Register(services, Name(Pts, decompress), PaymentProvider.PagarStar, encrypted: true, decompress, baseAddress, maxResponseContentBufferSize, retries);
        }

        _services = services.BuildServiceProvider();
        _factory = _services.GetRequiredService<IHttpClientFactory>();
    }

    /// <summary>Gets every byte the clients read off their sockets so far: status lines, headers, bodies.</summary>
    public long SocketBytesRead => Interlocked.Read(ref _socketBytes);

    public static string Name(string provider, bool decompress) => "enc-" + provider.ToLowerInvariant() + (decompress ? "-auto" : "-raw");

    public HttpClient Client(string provider, bool decompress) => _factory.CreateClient(Name(provider, decompress));

    public HttpClient Client(PaymentProvider provider, bool decompress) => Client(provider.ToString(), decompress);

    public void Dispose() => _services.Dispose();

    private void Register(
        IServiceCollection services, string name, PaymentProvider provider, bool encrypted, bool decompress, Uri baseAddress, long? maxBuffer, int retries)
    {
        var builder = services.AddPaymentProviderClient(name, provider, options =>
        {
            options.BaseAddress = baseAddress;
            options.Retry.MaxRetryAttempts = retries;
            options.Retry.BaseDelay = TimeSpan.Zero;
            options.CircuitBreaker.Enabled = false;
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
            options.TotalTimeout = TimeSpan.FromSeconds(30);
        });
        builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AutomaticDecompression = decompress ? DecompressionMethods.All : DecompressionMethods.None,
            AllowAutoRedirect = false,
            ConnectCallback = ConnectCountingAsync,
        });
        if (maxBuffer is { } max)
        {
            builder.ConfigureHttpClient(client => client.MaxResponseContentBufferSize = max);
        }

        if (encrypted)
        {
            builder.AddPagarStarEncryption(o =>
            {
                o.SafeCode = SandboxCredentials.PagarStarSafeCode;
                o.TransactionSecret = SandboxCredentials.PagarStarTransactionSecret;
            });
        }
    }

    private async ValueTask<Stream> ConnectCountingAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new CountingConnection(new NetworkStream(socket, ownsSocket: true), this);
    }

    /// <summary>Adds what one connection reads to the clients' total.</summary>
    private sealed class CountingConnection(Stream inner, EncodingClients owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            Interlocked.Add(ref owner._socketBytes, read);
            return read;
        }
    }
}
