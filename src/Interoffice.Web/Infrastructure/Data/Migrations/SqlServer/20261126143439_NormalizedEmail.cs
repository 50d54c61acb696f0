using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interoffice.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NormalizedEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContactSubmissions_Email",
                table: "ContactSubmissions");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedEmail",
                table: "ContactSubmissions",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            // Addresses stored before: lower-cased by the database (SQLite folds ASCII letters only; the site itself
            // folds every letter for what it stores from now on).
            // In EXEC: SQL Server compiles a batch before it runs, and the idempotent script puts this in one batch
            // with the ALTER TABLE that adds the column.
            migrationBuilder.Sql(@"EXEC(N'UPDATE [ContactSubmissions] SET [NormalizedEmail] = LOWER(TRIM([Email]))');");

            migrationBuilder.CreateIndex(
                name: "IX_ContactSubmissions_NormalizedEmail",
                table: "ContactSubmissions",
                column: "NormalizedEmail");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContactSubmissions_NormalizedEmail",
                table: "ContactSubmissions");

            migrationBuilder.DropColumn(
                name: "NormalizedEmail",
                table: "ContactSubmissions");

            migrationBuilder.CreateIndex(
                name: "IX_ContactSubmissions_Email",
                table: "ContactSubmissions",
                column: "Email");
        }
    }
}
