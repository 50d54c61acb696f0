using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interoffice.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsentProof : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "ConsentRecords",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "ConsentRecords",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConsentLogStart",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RemovedThroughId = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedThroughHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    RemovedCount = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedThroughAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentLogStart", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsentSnapshots",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    FirstServedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentSnapshots", x => x.Hash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_PreviousHash",
                table: "ConsentRecords",
                column: "PreviousHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentLogStart");

            migrationBuilder.DropTable(
                name: "ConsentSnapshots");

            migrationBuilder.DropIndex(
                name: "IX_ConsentRecords_PreviousHash",
                table: "ConsentRecords");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "ConsentRecords");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "ConsentRecords");
        }
    }
}
