namespace ContentStudio.Core.Publishing.Delivery;

/// <summary>The outcome of one attempt. Permanent failures (a refused URL, a missing secret) go straight to Dead.</summary>
public sealed record SendResult(bool Success, string? Error, string? ReceiptJson, bool Permanent = false)
{
    public static SendResult Ok(string receiptJson) => new(true, null, receiptJson);
    public static SendResult Failed(string error, bool permanent = false) => new(false, error, null, permanent);
}
