namespace PaymentHttp.Tests.Providers.Shared;

public sealed class ErrorCodeTableTests
{
    [Fact]
    public void TryGet_ExactCode_ReturnsItsRule()
    {
        var table = new ErrorCodeTable { { "1035", PaymentErrorCategory.Declined } };

        table.TryGet("1035", out var rule).ShouldBeTrue();

        rule.ShouldBe(new ErrorCodeRule(PaymentErrorCategory.Declined, PaymentRetrySafety.Never));
        table.TryGet("1036", out _).ShouldBeFalse();
        table.TryGet("10350", out _).ShouldBeFalse();
        table.TryGet("103", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(PaymentErrorCategory.RateLimited, PaymentRetrySafety.Always)]
    [InlineData(PaymentErrorCategory.Transient, PaymentRetrySafety.SafeOnly)]
    [InlineData(PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly)]
    [InlineData(PaymentErrorCategory.Declined, PaymentRetrySafety.Never)]
    [InlineData(PaymentErrorCategory.Configuration, PaymentRetrySafety.Never)]
    public void Add_WithoutRetrySafety_TakesTheCategoryDefault(PaymentErrorCategory category, PaymentRetrySafety expected)
    {
        var table = new ErrorCodeTable { { "X", category } };

        table.TryGet("X", out var rule).ShouldBeTrue();

        rule.RetrySafety.ShouldBe(expected);
    }

    [Fact]
    public void Add_WithRetrySafety_KeepsIt()
    {
        var table = new ErrorCodeTable { { "1", PaymentErrorCategory.Transient, PaymentRetrySafety.Always } };

        table.TryGet("1", out var rule).ShouldBeTrue();

        rule.ShouldBe(new ErrorCodeRule(PaymentErrorCategory.Transient, PaymentRetrySafety.Always));
    }

    [Theory]
    [InlineData("5040", true)]
    [InlineData("5042", true)]
    [InlineData("5041", false)]
    [InlineData("5040, 5042", false)]
    public void TryGet_List_MatchesEachCodeOfTheList(string code, bool found)
    {
        var table = new ErrorCodeTable { { "5040, 5042", PaymentErrorCategory.Configuration } };

        table.TryGet(code, out var rule).ShouldBe(found);

        if (found)
        {
            rule.Category.ShouldBe(PaymentErrorCategory.Configuration);
        }
    }

    [Theory]
    [InlineData("3001", true)]
    [InlineData("3015", true)]
    [InlineData("3027", true)]
    [InlineData("3000", false)]
    [InlineData("3028", false)]
    [InlineData("30010", false)]
    [InlineData("3001a", false)]
    [InlineData("-3001", false)]
    [InlineData("+3001", false)]
    [InlineData(" 3001", false)]
    [InlineData("3001.0", false)]
    public void TryGet_Range_MatchesBothEndsAndInsideOnly(string code, bool found)
    {
        var table = new ErrorCodeTable { { "3001-3027", PaymentErrorCategory.Declined } };

        table.TryGet(code, out var rule).ShouldBe(found);

        if (found)
        {
            rule.Category.ShouldBe(PaymentErrorCategory.Declined);
        }
    }

    [Fact]
    public void Add_CodeWithDashesThatIsNoRange_IsExact()
    {
        var table = new ErrorCodeTable { { "ALTERNATE-PAYMENTS-INT-4", PaymentErrorCategory.Declined } };

        table.TryGet("ALTERNATE-PAYMENTS-INT-4", out _).ShouldBeTrue();
        table.TryGet("ALTERNATE-PAYMENTS-INT-5", out _).ShouldBeFalse();
        table.TryGet("ALTERNATE-PAYMENTS-INT", out _).ShouldBeFalse();
    }

    [Fact]
    public void Add_RangeWrittenBackwards_IsNotARange()
    {
        var table = new ErrorCodeTable { { "3027-3001", PaymentErrorCategory.Declined } };

        table.TryGet("3015", out _).ShouldBeFalse();
        table.TryGet("3027-3001", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("PLAN-SUBSCRIPTION-1", true)]
    [InlineData("PLAN-SUBSCRIPTION-NOT-MODIFIABLE", true)]
    [InlineData("plan-subscription-7", true)]
    [InlineData("PLAN-SUBSCRIPTION-", true)]
    [InlineData("PLAN-SUBSCRIPTION", false)]
    [InlineData("X-PLAN-SUBSCRIPTION-1", false)]
    public void TryGet_PrefixPattern_MatchesCodesThatStartWithIt(string code, bool found)
    {
        var table = new ErrorCodeTable { { "PLAN-SUBSCRIPTION-*", PaymentErrorCategory.Conflict } };

        table.TryGet(code, out var rule).ShouldBe(found);

        if (found)
        {
            rule.Category.ShouldBe(PaymentErrorCategory.Conflict);
        }
    }

    [Theory]
    [InlineData("WALLET_BALANCE_NOT_ENOUGH", true)]
    [InlineData("sadad_balance_not_enough", true)]
    [InlineData("_BALANCE_NOT_ENOUGH", true)]
    [InlineData("BALANCE_NOT_ENOUGH", false)]
    [InlineData("WALLET_BALANCE_NOT_ENOUGH_X", false)]
    public void TryGet_SuffixPattern_MatchesCodesThatEndWithIt(string code, bool found)
    {
        var table = new ErrorCodeTable { { "*_BALANCE_NOT_ENOUGH", PaymentErrorCategory.Declined } };

        table.TryGet(code, out _).ShouldBe(found);
    }

    [Theory]
    [InlineData("GATEWAY_TIMEOUT_ERROR", true)]
    [InlineData("TIMEOUT", true)]
    [InlineData("timeout_x", true)]
    [InlineData("TIME_OUT", false)]
    public void TryGet_PatternWithStarAtBothEnds_MatchesCodesThatContainIt(string code, bool found)
    {
        var table = new ErrorCodeTable { { "*TIMEOUT*", PaymentErrorCategory.OutcomeUnknown } };

        table.TryGet(code, out _).ShouldBe(found);
    }

    [Fact]
    public void TryGet_ExactCodeInsideARange_ExactWinsWhicheverWasAddedFirst()
    {
        var rangeFirst = new ErrorCodeTable
        {
            { "3001-3999", PaymentErrorCategory.Declined },
            { "3028", PaymentErrorCategory.OutcomeUnknown },
        };
        var exactFirst = new ErrorCodeTable
        {
            { "3028", PaymentErrorCategory.OutcomeUnknown },
            { "3001-3999", PaymentErrorCategory.Declined },
        };

        foreach (var table in new[] { rangeFirst, exactFirst })
        {
            table.TryGet("3028", out var exact).ShouldBeTrue();
            exact.Category.ShouldBe(PaymentErrorCategory.OutcomeUnknown);
            table.TryGet("3029", out var ranged).ShouldBeTrue();
            ranged.Category.ShouldBe(PaymentErrorCategory.Declined);
        }
    }

    [Fact]
    public void TryGet_CodeInARangeAndAPattern_RangeWins()
    {
        var table = new ErrorCodeTable
        {
            { "3*", PaymentErrorCategory.Conflict },
            { "3000-3999", PaymentErrorCategory.Declined },
        };

        table.TryGet("3005", out var ranged).ShouldBeTrue();
        ranged.Category.ShouldBe(PaymentErrorCategory.Declined);
        table.TryGet("3ABC", out var patterned).ShouldBeTrue();
        patterned.Category.ShouldBe(PaymentErrorCategory.Conflict);
    }

    [Fact]
    public void TryGet_CodeExactAndInAPattern_ExactWins()
    {
        var table = new ErrorCodeTable
        {
            { "PLAN-*", PaymentErrorCategory.Conflict },
            { "PLAN-EXPIRED", PaymentErrorCategory.Declined },
        };

        table.TryGet("PLAN-EXPIRED", out var exact).ShouldBeTrue();
        exact.Category.ShouldBe(PaymentErrorCategory.Declined);
        table.TryGet("PLAN-LOCKED", out var patterned).ShouldBeTrue();
        patterned.Category.ShouldBe(PaymentErrorCategory.Conflict);
    }

    [Theory]
    [InlineData("card_declined")]
    [InlineData("CARD_DECLINED")]
    [InlineData("Card_Declined")]
    public void TryGet_ExactCode_ComparesCaseInsensitively(string code)
    {
        var table = new ErrorCodeTable { { "card_declined", PaymentErrorCategory.Declined } };

        table.TryGet(code, out var rule).ShouldBeTrue();

        rule.Category.ShouldBe(PaymentErrorCategory.Declined);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TryGet_NoCode_NotFound(string? code)
    {
        var table = new ErrorCodeTable { { "*", PaymentErrorCategory.Declined }, { "0-9", PaymentErrorCategory.Declined } };

        table.TryGet(code, out var rule).ShouldBeFalse();

        rule.ShouldBe(default);
    }

    [Theory]
    [InlineData("1035", "1035")]
    [InlineData("card_declined", "CARD_DECLINED")]
    [InlineData("5040, 5042", "5042")]
    [InlineData("7, 7", null)]
    public void Add_SameExactCodeTwice_Throws(string first, string? second)
    {
        var table = new ErrorCodeTable();

        var exception = Should.Throw<InvalidOperationException>(() =>
        {
            table.Add(first, PaymentErrorCategory.Declined);
            if (second is not null)
            {
                table.Add(second, PaymentErrorCategory.Conflict);
            }
        });

        exception.Message.ShouldContain("twice");
    }

    [Fact]
    public void Enumerate_ListsTheExactCodes()
    {
        var table = new ErrorCodeTable
        {
            { "1, 2", PaymentErrorCategory.Declined },
            { "3001-3003", PaymentErrorCategory.Authentication },
            { "X-*", PaymentErrorCategory.Conflict },
        };

        table.Select(entry => entry.Key).Order(StringComparer.Ordinal).ShouldBe(["1", "2"]);
    }
}
