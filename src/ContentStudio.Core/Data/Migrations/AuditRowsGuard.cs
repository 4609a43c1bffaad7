using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentStudio.Core.Data.Migrations;

/// <summary>Makes a down-migration stop, with a message an operator can act on, when it would destroy audit events.
/// The audit log is evidence: a schema rollback must never be the way it disappears. The check runs inside the
/// migration's transaction, so a refusal changes nothing.</summary>
internal static class AuditRowsGuard
{
    public static void RefuseIfAny(MigrationBuilder m, string? activeProvider, string where, string message)
    {
        if (activeProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            m.Sql($"""
                DO $$ BEGIN
                    IF EXISTS (SELECT 1 FROM "AuditEvents" WHERE {where}) THEN RAISE EXCEPTION '{message}'; END IF;
                END $$;
                """);
            return;
        }
        // SQLite can only RAISE inside a trigger; a named CHECK constraint on a scratch table fails the same way and
        // puts the name (the message) in the error: "CHECK constraint failed: <message>".
        m.Sql($"""CREATE TEMP TABLE "audit_rows_guard" ("n" INTEGER CONSTRAINT "{message}" CHECK ("n" = 0));""");
        m.Sql($"""INSERT INTO "audit_rows_guard" SELECT COUNT(*) FROM "AuditEvents" WHERE {where};""");
        m.Sql("""DROP TABLE "audit_rows_guard";""");
    }
}
