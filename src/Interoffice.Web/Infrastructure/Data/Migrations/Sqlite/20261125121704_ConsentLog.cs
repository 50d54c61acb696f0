using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interoffice.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsentLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsentId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 36, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Method = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Analytics = table.Column<bool>(type: "INTEGER", nullable: true),
                    Tracking = table.Column<bool>(type: "INTEGER", nullable: true),
                    Social = table.Column<bool>(type: "INTEGER", nullable: true),
                    Advertising = table.Column<bool>(type: "INTEGER", nullable: true),
                    GlobalPrivacyControl = table.Column<bool>(type: "INTEGER", nullable: false),
                    BrowserFamily = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_ConsentId",
                table: "ConsentRecords",
                column: "ConsentId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_RecordedAt",
                table: "ConsentRecords",
                column: "RecordedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentRecords");
        }
    }
}
