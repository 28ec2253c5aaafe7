using System.Globalization;
using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Diagnostics.SelfTest;

/// <summary>
/// ICU is present and knows Vietnamese: vi-VN number and date formatting, and accent-insensitive
/// comparison of place names (what the technician's messages and site names rely on).
/// </summary>
internal sealed class CultureCheck(Texts texts) : IDiagnosticCheck
{
    public string Name => "icu-vi-vn";

    public string? Progress => null;

    public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        CultureInfo vi;
        try
        {
            vi = CultureInfo.GetCultureInfo("vi-VN", predefinedOnly: true);
        }
        catch (CultureNotFoundException ex)
        {
            return Task.FromResult(CheckResult.Fail(Name, texts.Format(TextKey.CultureMissing, ex.Message), texts[TextKey.IcuFix]));
        }

        var number = 1234567.89.ToString("N2", vi);
        var date = new DateTime(2025, 9, 2, 0, 0, 0, DateTimeKind.Unspecified).ToString("D", vi);
        var sameName = string.Compare("Thanh Hóa", "THANH HOA", vi, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;
        if (number != "1.234.567,89" || !date.Contains("tháng", StringComparison.Ordinal) || !sameName)
        {
            return Task.FromResult(CheckResult.Fail(Name, texts.Format(TextKey.CultureWrong, number, date, sameName), texts[TextKey.IcuFix]));
        }

        return Task.FromResult(CheckResult.Ok(Name, texts.Format(TextKey.CultureOk, number, date)));
    }
}
