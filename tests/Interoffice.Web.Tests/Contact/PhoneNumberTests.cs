using Interoffice.Web.Features.Contact;

namespace Interoffice.Web.Tests.Contact;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("06-12345678", "+31612345678")]
    [InlineData("06 1234 5678", "+31612345678")]
    [InlineData("+31 6 12345678", "+31612345678")]
    [InlineData("+31 (0)6 1234 5678", "+31612345678")]
    [InlineData("0031 6 12345678", "+31612345678")]
    [InlineData("0031 (0)6 1234 5678", "+31612345678")]
    [InlineData("0031 (0)597 42 37 12", "+31597423712")]
    [InlineData("0597 423712", "+31597423712")]
    [InlineData("(0597) 42 37 12", "+31597423712")]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    [InlineData("+49 30 1234567", "+49301234567")]
    [InlineData("0044 20 7946 0958", "+442079460958")]
    public void Dutch_and_international_notations_are_stored_in_one_form(string written, string stored) =>
        Assert.Equal(stored, PhoneNumber.Normalize(written));

    [Theory]
    [InlineData("12345")]
    [InlineData("0612345")]
    [InlineData("+31 6 123")]
    [InlineData("06-1234567890")]
    [InlineData("bel me")]
    [InlineData("06\r\n12345678")]
    [InlineData("++31612345678")]
    [InlineData("+0612345678")]
    public void Anything_else_is_not_a_phone_number(string written) =>
        Assert.Null(PhoneNumber.Normalize(written));
}
