using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Data.Migrations;

/// <summary>The queue's oldest-first order. (ReviewState, CheckGate, CreatedUtc) gave rows in age order for one state
/// and one gate, but not in the full sort key: ties on CreatedUtc (minute-granular imports, whole batches) were sorted
/// by Id afterwards. Adding Id makes each (state, gate) walk exactly the queue's order, so ReviewQueue reads one page
/// from each walk and merges them instead of sorting every open row (an IN list of states cannot be walked in order).
/// It replaces the old index rather than adding one: same leading columns, so every plan that used it still can, and
/// one index less to write per variant. An index on (CheckGate, CreatedUtc, Id) was tried first: SQLite, without
/// statistics, then walked it for priority pages filtered to a few campaigns and got 7x slower.
/// Hand-written and provider-neutral like the others.</summary>
[DbContext(typeof(StudioDbContext))]
[Migration("20261129000008_QueueAgeOrder")]
public sealed class QueueAgeOrder : Migration
{
    public const string IndexName = "IX_Variants_ReviewState_CheckGate_CreatedUtc_Id";
    private const string Replaced = "IX_Variants_ReviewState_CheckGate_CreatedUtc";

    protected override void Up(MigrationBuilder m)
    {
        m.CreateIndex(IndexName, "Variants", ["ReviewState", "CheckGate", "CreatedUtc", "Id"]);
        m.DropIndex(Replaced, "Variants");
    }

    protected override void Down(MigrationBuilder m)
    {
        // Indexes only, no column: nothing here needs SQLite's table rebuild.
        m.CreateIndex(Replaced, "Variants", ["ReviewState", "CheckGate", "CreatedUtc"]);
        m.DropIndex(IndexName, "Variants");
    }
}
