using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Encodings;

/// <summary>The content codings a provider or a proxy in front of it puts on the wire, and the PTS body encryption.</summary>
public static class WireEncoding
{
    public static readonly string[] All = ["identity", "gzip", "deflate", "br"];

    public static readonly string[] Compressed = ["gzip", "deflate", "br"];

    public static byte[] Encode(byte[] plain, string encoding, CompressionLevel level = CompressionLevel.Fastest)
    {
        if (encoding == "identity")
        {
            return plain;
        }

        using var output = new MemoryStream();
        using (Stream encoder = encoding switch
        {
            "gzip" => new GZipStream(output, level, leaveOpen: true),
            "deflate" => new ZLibStream(output, level, leaveOpen: true), // RFC 9110: zlib-wrapped
            "br" => new BrotliStream(output, level, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
        })
        {
            encoder.Write(plain);
        }

        return output.ToArray();
    }

    /// <summary>A compressed body with its second half scrambled: the start decodes, then the decoder meets garbage.</summary>
    public static byte[] Corrupt(string encoding)
    {
        var plain = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => $"{{\"n\":{i * 7919 % 1000}}},")));
        var encoded = Encode(plain, encoding);
        for (var i = encoded.Length / 3; i < encoded.Length; i += 3)
        {
            encoded[i] ^= 0xA5;
        }

        return encoded;
    }

    /// <summary>A PTS answer as PTS sends it: AES-ECB/PKCS7 under the sandbox safecode, base64.</summary>
    public static byte[] PtsEncrypt(string json)
    {
        using var aes = Aes.Create();
        aes.Key = Encoding.UTF8.GetBytes(SandboxCredentials.PagarStarSafeCode);
#pragma warning disable CA5358 // PTS's protocol, reproduced for the test
        var cipherText = aes.EncryptEcb(Encoding.UTF8.GetBytes(json), PaddingMode.PKCS7);
#pragma warning restore CA5358
        return Encoding.ASCII.GetBytes(Convert.ToBase64String(cipherText));
    }
}
