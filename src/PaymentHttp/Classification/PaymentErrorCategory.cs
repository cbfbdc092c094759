namespace PaymentHttp;

/// <summary>
/// What a provider failure means for the caller. Each category maps to one exception type
/// deriving from <see cref="PaymentProviderException"/>.
/// </summary>
public enum PaymentErrorCategory
{
    /// <summary>The payment was refused (card, issuer, wallet, risk rules). Final until something changes.</summary>
    Declined,

    /// <summary>The request was malformed or failed validation. Final until the request changes.</summary>
    InvalidRequest,

    /// <summary>The credentials were missing, wrong or expired.</summary>
    Authentication,

    /// <summary>The credentials are valid but not allowed to do this (permission, IP allow-list).</summary>
    Authorization,

    /// <summary>The addressed resource does not exist.</summary>
    NotFound,

    /// <summary>The request conflicts with existing state, such as a duplicate merchant reference.</summary>
    Conflict,

    /// <summary>The provider throttled the request; it certainly did not act on it.</summary>
    RateLimited,

    /// <summary>The provider was temporarily unable to serve the request.</summary>
    Transient,

    /// <summary>
    /// The provider may or may not have acted on the request (server error, timeout, connection dropped after
    /// sending). The caller must reconcile by its merchant reference before trying again.
    /// </summary>
    OutcomeUnknown,

    /// <summary>The merchant account or integration is not configured for this operation.</summary>
    Configuration,

    /// <summary>A failure the classifier could not place in any other category.</summary>
    Unknown,
}
