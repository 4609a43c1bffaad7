using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Tests.Segments;

/// <summary>An upload is bounded in size and rows before it is parsed: the whole file is held in memory, and every
/// segment multiplies a campaign's generation tasks.</summary>
public class SegmentCsvLimitTests
{
    const string Header = "key,name,description";

    static SegmentImportResult Import(string text) => SegmentCsvImporter.Import("acme", new StringReader(text), "upload.csv");

    /// <summary>Segments whose descriptions (each within the cell limit) pad the file to exactly <paramref name="length"/> characters.</summary>
    static string FileOf(int length)
    {
        var file = new System.Text.StringBuilder(Header);
        for (var i = 0; ; i++)
        {
            var start = $"\ns{i},Segment {i},";
            var room = length - file.Length - start.Length;
            if (room <= SegmentValues.MaxCellLength) { file.Append(start).Append('a', room); break; }
            // Leave the last row room for its key and name.
            file.Append(start).Append('a', room - SegmentValues.MaxCellLength < 64 ? room / 2 : SegmentValues.MaxCellLength);
        }
        return file.Length == length ? file.ToString() : throw new InvalidOperationException($"padded to {file.Length}, not {length}");
    }

    static string Rows(int count) =>
        Header + "\n" + string.Join("\n", Enumerable.Range(0, count).Select(i => $"s{i},Segment {i},"));

    [Fact]
    public void AFileAtTheSizeLimitImports() =>
        Import(FileOf(SegmentCsvImporter.MaxFileLength)).Errors.ShouldBeEmpty();

    [Fact]
    public void AFileOverTheSizeLimitIsRefusedNamingTheLimit()
    {
        var result = Import(FileOf(SegmentCsvImporter.MaxFileLength + 1));
        result.Segments.ShouldBeEmpty();
        result.Errors.Single().Message.ShouldStartWith("The file is more than 2,097,152 characters; the limit is 2,097,152.");
    }

    [Fact]
    public void AFileAtTheRowLimitImports() =>
        Import(Rows(SegmentCsvImporter.MaxRows)).Segments.Count.ShouldBe(SegmentCsvImporter.MaxRows);

    [Fact]
    public void AFileOverTheRowLimitIsRefusedAtTheFirstRowTooMany()
    {
        var error = Import(Rows(SegmentCsvImporter.MaxRows + 1)).Errors.Single();
        error.Message.ShouldStartWith("The file has more than 5,000 rows; the limit is 5,000 segments.");
        error.Line.ShouldBe(SegmentCsvImporter.MaxRows + 2);
    }
}
