using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentStudio.Core.Data.Migrations;

/// <summary>Each audit event says how its hash was made (<c>ChainVersion</c>: 0 plain SHA-256, 1 HMAC with the chain key),
/// so the events written before the key keep verifying as they were written. Existing rows become 0. A plain
/// ADD COLUMN on both providers: no SQLite table rebuild, so the append-only triggers and every row stay as they are.
/// Hand-written and provider-neutral like the others.</summary>
[DbContext(typeof(StudioDbContext))]
[Migration("20261207000009_AuditChainKey")]
public sealed class AuditChainKeyMigration : Migration
{
    public const string RollbackRefused =
        "rolling back 20261207000009_AuditChainKey is refused: keyed audit events exist and the release before it cannot " +
        "verify them (it would report every one as tampered). Stay on this release or restore a backup taken before it";

    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<int>("ChainVersion", "AuditEvents", nullable: false, defaultValue: 0);

    /// <summary>Never drops an event. Dropping the column would erase which events are keyed, so it goes only while
    /// no keyed event exists; otherwise the rollback stops.</summary>
    protected override void Down(MigrationBuilder m)
    {
        AuditRowsGuard.RefuseIfAny(m, ActiveProvider, "\"ChainVersion\" <> 0", RollbackRefused);
        // EF's SQLite generator drops a column by rebuilding the table from a model snapshot, which hand-written
        // migrations do not carry (and a rebuild drops the triggers); SQLite 3.35+ drops a plain column itself.
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql("""ALTER TABLE "AuditEvents" DROP COLUMN "ChainVersion";""");
        else m.DropColumn("ChainVersion", "AuditEvents");
    }
}
