using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interoffice.Web.Infrastructure.Data.Migrations.SqlServer
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
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "ContactSubmissions",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "KeepUntil",
                table: "ContactSubmissions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MyDataActivities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NormalizedEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false, collation: "Latin1_General_100_BIN2"),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Action = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MyDataActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MyDataLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    NormalizedEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false, collation: "Latin1_General_100_BIN2"),
                    TokenHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    BrowserHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Mailed = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MyDataLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MyDataSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SecretHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false, collation: "Latin1_General_100_BIN2"),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                unique: true,
                filter: "[TokenHash] IS NOT NULL");

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
