using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace ContentStudio.DesignTime;

/// <summary>Writes migrations, their designer files and the model snapshot without store types (decision 012): one
/// migration set serves SQLite and PostgreSQL, each provider mapping the CLR types itself, exactly as the hand-written
/// migrations before it. Everything else (max lengths, defaults, both providers' annotations) is EF's own output.</summary>
public sealed partial class NeutralMigrationsGenerator(
    MigrationsCodeGeneratorDependencies dependencies, CSharpMigrationsGeneratorDependencies csharpDependencies)
    : CSharpMigrationsGenerator(dependencies, csharpDependencies)
{
    public override string GenerateMigration(string? migrationNamespace, string migrationName,
        IReadOnlyList<MigrationOperation> upOperations, IReadOnlyList<MigrationOperation> downOperations) =>
        base.GenerateMigration(migrationNamespace, migrationName, WithoutStoreTypes(upOperations), WithoutStoreTypes(downOperations));

    public override string GenerateMetadata(string? migrationNamespace, Type contextType, string migrationName, string migrationId, IModel targetModel) =>
        WithoutColumnTypes(base.GenerateMetadata(migrationNamespace, contextType, migrationName, migrationId, targetModel));

    public override string GenerateSnapshot(string? modelSnapshotNamespace, Type contextType, string modelSnapshotName, IModel model) =>
        WithoutColumnTypes(base.GenerateSnapshot(modelSnapshotNamespace, contextType, modelSnapshotName, model));

    static IReadOnlyList<MigrationOperation> WithoutStoreTypes(IReadOnlyList<MigrationOperation> operations)
    {
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreateTableOperation table:
                    foreach (var column in table.Columns) column.ColumnType = null;
                    break;
                case AlterColumnOperation alter:
                    alter.ColumnType = null;
                    alter.OldColumn.ColumnType = null;
                    break;
                case ColumnOperation column:
                    column.ColumnType = null;
                    break;
            }
        }
        return operations;
    }

    /// <summary>The model code writes each property's store type as its own <c>.HasColumnType("…")</c> line.</summary>
    static string WithoutColumnTypes(string code) => ColumnType().Replace(code, "");

    [GeneratedRegex("""\r?\n[ \t]*\.HasColumnType\("[^"]*"\)""")]
    private static partial Regex ColumnType();
}
