using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interoffice.Web.Infrastructure.Data.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ConsentId = table.Column<string>(type: "varchar(36)", unicode: false, maxLength: 36, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PolicyVersion = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Method = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    Analytics = table.Column<bool>(type: "bit", nullable: true),
                    Tracking = table.Column<bool>(type: "bit", nullable: true),
                    Social = table.Column<bool>(type: "bit", nullable: true),
                    Advertising = table.Column<bool>(type: "bit", nullable: true),
                    GlobalPrivacyControl = table.Column<bool>(type: "bit", nullable: false),
                    BrowserFamily = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
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
