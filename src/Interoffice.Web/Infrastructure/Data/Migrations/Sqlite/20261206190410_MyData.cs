using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interoffice.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MyData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ExtendedAt",
                table: "ContactSubmissions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "ContactSubmissions",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "KeepUntil",
                table: "ContactSubmissions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MyDataActivities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MyDataActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MyDataLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    BrowserHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Mailed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MyDataLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MyDataSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MyDataSessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MyDataActivities_NormalizedEmail_At",
                table: "MyDataActivities",
                columns: new[] { "NormalizedEmail", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MyDataLinks_NormalizedEmail_CreatedAt",
                table: "MyDataLinks",
                columns: new[] { "NormalizedEmail", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MyDataLinks_TokenHash",
                table: "MyDataLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MyDataSessions_NormalizedEmail",
                table: "MyDataSessions",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_MyDataSessions_SecretHash",
                table: "MyDataSessions",
                column: "SecretHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MyDataActivities");

            migrationBuilder.DropTable(
                name: "MyDataLinks");

            migrationBuilder.DropTable(
                name: "MyDataSessions");

            migrationBuilder.DropColumn(
                name: "ExtendedAt",
                table: "ContactSubmissions");

            migrationBuilder.DropColumn(
                name: "ExtensionReason",
                table: "ContactSubmissions");

            migrationBuilder.DropColumn(
                name: "KeepUntil",
                table: "ContactSubmissions");
        }
    }
}
