namespace PaymentHttp.Tests.TestUtilities;

/// <summary>Response content that remembers whether it was disposed, to prove discarded responses are released.</summary>
public sealed class TrackedContent : ByteArrayContent
{
    public TrackedContent(byte[] content)
        : base(content)
    {
    }

    public bool IsDisposed { get; private set; }

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
