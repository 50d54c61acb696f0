using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interoffice.Web.Infrastructure.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            // No backfill in SQL: LOWER() folds differently per provider (SQLite: A-Z only). The site fills the column
            // itself (SubmissionStore.NormalizeMissingAsync: at start, daily, and before every person lookup).
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
