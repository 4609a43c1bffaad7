using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContentStudio.Core.Data;

/// <summary>Stores UTC as is (converting a stray local time) and marks values read back as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
