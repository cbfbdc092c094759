using System.Net;

namespace PaymentHttp.Tests.Exceptions;

public sealed class PaymentProviderExceptionTests
{
    public static TheoryData<PaymentErrorCategory, Type> Leaves => new()
    {
        { PaymentErrorCategory.Declined, typeof(ProviderDeclinedException) },
        { PaymentErrorCategory.InvalidRequest, typeof(ProviderValidationException) },
        { PaymentErrorCategory.Authentication, typeof(ProviderAuthenticationException) },
        { PaymentErrorCategory.Authorization, typeof(ProviderAuthorizationException) },
        { PaymentErrorCategory.NotFound, typeof(ProviderNotFoundException) },
        { PaymentErrorCategory.Conflict, typeof(ProviderConflictException) },
        { PaymentErrorCategory.RateLimited, typeof(ProviderRateLimitedException) },
        { PaymentErrorCategory.Transient, typeof(ProviderUnavailableException) },
        { PaymentErrorCategory.OutcomeUnknown, typeof(ProviderOutcomeUnknownException) },
        { PaymentErrorCategory.Configuration, typeof(ProviderConfigurationException) },
        { PaymentErrorCategory.Unknown, typeof(ProviderUnknownErrorException) },
    };

    [Theory]
    [MemberData(nameof(Leaves))]
    public void Factory_EachCategory_CreatesItsOwnTypeWithPayload(PaymentErrorCategory category, Type expected)
    {
        var error = new ProviderError(category, "provider says no")
        {
            Provider = PaymentProvider.Paysafe,
            StatusCode = HttpStatusCode.BadRequest,
            Code = "5068",
            RequestId = "req_1",
        };

        var exception = ProviderExceptionFactory.Create(error, attempts: 3);

        exception.GetType().ShouldBe(expected);
        exception.Error.ShouldBeSameAs(error);
        exception.Category.ShouldBe(category);
        exception.Provider.ShouldBe(PaymentProvider.Paysafe);
        exception.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        exception.ProviderCode.ShouldBe("5068");
        exception.Attempts.ShouldBe(3);
        exception.Message.ShouldStartWith("Paysafe ");
        exception.Message.ShouldContain("(HTTP 400, code '5068'): provider says no");
    }

    [Theory]
    [MemberData(nameof(Leaves))]
    public void StandardConstructors_Work(PaymentErrorCategory category, Type type)
    {
        var inner = new InvalidOperationException("inner");

        var parameterless = (PaymentProviderException)Activator.CreateInstance(type)!;
        var withMessage = (PaymentProviderException)Activator.CreateInstance(type, "custom")!;
        var withInner = (PaymentProviderException)Activator.CreateInstance(type, "custom", inner)!;

        parameterless.Category.ShouldBe(category);
        parameterless.Message.ShouldNotBeNullOrWhiteSpace();
        withMessage.Message.ShouldBe("custom");
        withMessage.Error.Message.ShouldBe("custom");
        withInner.InnerException.ShouldBeSameAs(inner);
        withInner.Attempts.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Leaves))]
    public void ErrorConstructor_WrongCategory_Throws(PaymentErrorCategory category, Type type)
    {
        var other = category == PaymentErrorCategory.Declined ? PaymentErrorCategory.Conflict : PaymentErrorCategory.Declined;

        var exception = Should.Throw<System.Reflection.TargetInvocationException>(
            () => Activator.CreateInstance(type, new ProviderError(other, "x")));

        exception.InnerException.ShouldBeOfType<ArgumentException>().ParamName.ShouldBe("error");
    }

    [Theory]
    [MemberData(nameof(Leaves))]
    public void NoLeaf_DerivesFromHttpRequestException(PaymentErrorCategory category, Type type)
    {
        type.IsAssignableTo(typeof(HttpRequestException)).ShouldBeFalse($"{category} would be retried by generic handlers");
        type.IsAssignableTo(typeof(PaymentProviderException)).ShouldBeTrue();
    }

    [Fact]
    public void CircuitOpen_IsAnUnavailableException()
    {
        var exception = new ProviderCircuitOpenException();

        exception.ShouldBeAssignableTo<ProviderUnavailableException>();
        exception.Category.ShouldBe(PaymentErrorCategory.Transient);
        exception.Error.RetrySafety.ShouldBe(PaymentRetrySafety.Always);
    }

    [Fact]
    public void RateLimited_ExposesRetryAfter()
    {
        var exception = new ProviderRateLimitedException(new ProviderError(PaymentErrorCategory.RateLimited, "slow") { RetryAfter = TimeSpan.FromSeconds(9) });

        exception.RetryAfter.ShouldBe(TimeSpan.FromSeconds(9));
        exception.Message.ShouldBe("The provider throttled the request: slow Retry after 9 s.");
    }

    [Fact]
    public void Message_WithoutStatus_ShowsCodeOnly()
    {
        var exception = new ProviderConflictException(new ProviderError(PaymentErrorCategory.Conflict, "duplicate order id") { Provider = PaymentProvider.PagarStar, Code = "1003" });

        exception.Message.ShouldBe("PagarStar reported a conflict (code '1003'): duplicate order id");
    }

    [Fact]
    public void ProviderError_DefaultRetrySafety_FollowsCategory()
    {
        new ProviderError(PaymentErrorCategory.RateLimited, "x").RetrySafety.ShouldBe(PaymentRetrySafety.Always);
        new ProviderError(PaymentErrorCategory.Transient, "x").RetrySafety.ShouldBe(PaymentRetrySafety.SafeOnly);
        new ProviderError(PaymentErrorCategory.OutcomeUnknown, "x").RetrySafety.ShouldBe(PaymentRetrySafety.SafeOnly);
        new ProviderError(PaymentErrorCategory.Declined, "x").RetrySafety.ShouldBe(PaymentRetrySafety.Never);
        new ProviderError(PaymentErrorCategory.Declined, "x").FieldErrors.ShouldBeEmpty();
        new ProviderError(PaymentErrorCategory.Declined, "x").Details.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(PaymentRetrySafety.SafeOnly, true, PaymentErrorCategory.Transient, true)]
    [InlineData(PaymentRetrySafety.SafeOnly, false, PaymentErrorCategory.OutcomeUnknown, false)]
    [InlineData(PaymentRetrySafety.Always, false, PaymentErrorCategory.Transient, true)]
    [InlineData(PaymentRetrySafety.Never, true, PaymentErrorCategory.Transient, false)]
    public void CompleteFor_ResolvesCategoryByRequestSafety(PaymentRetrySafety safety, bool safeRequest, PaymentErrorCategory expected, bool retryable)
    {
        var error = new ProviderError(PaymentErrorCategory.Transient, "busy") { RetrySafety = safety, Code = "8005" };

        var completed = error.CompleteFor(PaymentProvider.PagarStar, HttpStatusCode.OK, TimeSpan.FromSeconds(2), safeRequest);

        completed.Category.ShouldBe(expected);
        completed.IsRetryable.ShouldBe(retryable);
        completed.Provider.ShouldBe(PaymentProvider.PagarStar);
        completed.StatusCode.ShouldBe(HttpStatusCode.OK);
        completed.RetryAfter.ShouldBe(TimeSpan.FromSeconds(2));
        completed.Code.ShouldBe("8005");
        completed.RetrySafety.ShouldBe(safety);
    }

    [Fact]
    public void ProviderError_ToString_SummarizesIt()
    {
        var error = new ProviderError(PaymentErrorCategory.Declined, "Payment declined") { Provider = PaymentProvider.MakeCommerce, StatusCode = HttpStatusCode.BadRequest, Code = "1035" };

        error.ToString().ShouldBe("MakeCommerce Declined (HTTP 400, code 1035): Payment declined");
        new ProviderFieldError("amount", "must be positive").ToString().ShouldBe("amount: must be positive");
    }
}
