using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentStudio.Core.Data.Migrations;

/// <summary>Review decisions, the edit history and the append-only audit log. Hand-written like Initial (no column
/// types); the append-only triggers are the one provider-specific part, chosen by <c>ActiveProvider</c>.
/// Note for later migrations: a SQLite table rebuild of AuditEvents drops its triggers, so re-create them.</summary>
[DbContext(typeof(StudioDbContext))]
[Migration("20261129000002_ReviewAndAudit")]
public sealed class ReviewAndAudit : Migration
{
    private const string Refusal = "audit events are append-only";

    public const string RollbackRefused =
        "rolling back 20261129000002_ReviewAndAudit is refused: AuditEvents holds audit events and dropping the table " +
        "would destroy them. Archive the log and remove its rows deliberately first, or stay on this release";

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ReviewDecisions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            VariantId = t.Column<Guid>(nullable: false),
            Action = t.Column<string>(nullable: false),
            DecidedBy = t.Column<string>(nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
            AuditSequence = t.Column<long>(nullable: false),
            ContentHash = t.Column<string>(nullable: false),
            Comment = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReviewDecisions", x => x.Id);
            t.ForeignKey("FK_ReviewDecisions_Variants_VariantId", x => x.VariantId, "Variants", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ReviewDecisions_VariantId", "ReviewDecisions", "VariantId");

        m.CreateTable("VariantEdits", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            VariantId = t.Column<Guid>(nullable: false),
            EditedBy = t.Column<string>(nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
            AuditSequence = t.Column<long>(nullable: false),
            BeforeJson = t.Column<string>(nullable: false),
            AfterJson = t.Column<string>(nullable: false),
            BeforeHash = t.Column<string>(nullable: false),
            AfterHash = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_VariantEdits", x => x.Id);
            t.ForeignKey("FK_VariantEdits_Variants_VariantId", x => x.VariantId, "Variants", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_VariantEdits_VariantId", "VariantEdits", "VariantId");

        m.CreateTable("AuditEvents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Sequence = t.Column<long>(nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
            Actor = t.Column<string>(nullable: false),
            Action = t.Column<string>(nullable: false),
            EntityType = t.Column<string>(nullable: false),
            EntityId = t.Column<string>(nullable: false),
            DataJson = t.Column<string>(nullable: false),
            PreviousHash = t.Column<string>(nullable: false),
            Hash = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AuditEvents", x => x.Id));
        m.CreateIndex("IX_AuditEvents_Sequence", "AuditEvents", "Sequence", unique: true);
        m.CreateIndex("IX_AuditEvents_EntityType_EntityId", "AuditEvents", ["EntityType", "EntityId"]);

        if (IsPostgres)
        {
            // Row triggers refuse UPDATE and DELETE; a statement trigger refuses TRUNCATE (which skips row triggers).
            m.Sql($"""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '{Refusal}: % on "AuditEvents" is refused', TG_OP;
                END
                $$;
                """);
            m.Sql("""
                CREATE TRIGGER "AuditEvents_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEvents"
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
                """);
            m.Sql("""
                CREATE TRIGGER "AuditEvents_NoTruncate" BEFORE TRUNCATE ON "AuditEvents"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
                """);
        }
        else
        {
            // SQLite has no TRUNCATE: a DELETE without WHERE still fires the row trigger.
            m.Sql($"""CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents" BEGIN SELECT RAISE(ABORT, '{Refusal}: UPDATE is refused'); END;""");
            m.Sql($"""CREATE TRIGGER "AuditEvents_NoDelete" BEFORE DELETE ON "AuditEvents" BEGIN SELECT RAISE(ABORT, '{Refusal}: DELETE is refused'); END;""");
        }
    }

    /// <summary>Drops the table only while it is empty: a rollback must never be how the audit log disappears.</summary>
    protected override void Down(MigrationBuilder m)
    {
        AuditRowsGuard.RefuseIfAny(m, ActiveProvider, "1 = 1", RollbackRefused);
        if (IsPostgres)
        {
            // Dropping the table drops its triggers; the function goes after.
            m.DropTable("AuditEvents");
            m.Sql("DROP FUNCTION IF EXISTS audit_events_append_only();");
        }
        else m.DropTable("AuditEvents");
        m.DropTable("VariantEdits");
        m.DropTable("ReviewDecisions");
    }

    private bool IsPostgres => ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
