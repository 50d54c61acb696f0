using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interoffice.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignedConsentLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Format",
                table: "ConsentRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "KeyFingerprint",
                table: "ConsentLogStart",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Signature",
                table: "ConsentLogStart",
                type: "TEXT",
                unicode: false,
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignedAt",
                table: "ConsentLogStart",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConsentLogAnchors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    MailedTo = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    MailedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentLogAnchors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsentLogHeads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeyFingerprint = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", unicode: false, maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentLogHeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsentLogKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Fingerprint = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    PublicKeyPem = table.Column<string>(type: "TEXT", unicode: false, maxLength: 400, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentLogKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentLogHeads_Size",
                table: "ConsentLogHeads",
                column: "Size",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentLogAnchors");

            migrationBuilder.DropTable(
                name: "ConsentLogHeads");

            migrationBuilder.DropTable(
                name: "ConsentLogKeys");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "ConsentRecords");

            migrationBuilder.DropColumn(
                name: "KeyFingerprint",
                table: "ConsentLogStart");

            migrationBuilder.DropColumn(
                name: "Signature",
                table: "ConsentLogStart");

            migrationBuilder.DropColumn(
                name: "SignedAt",
                table: "ConsentLogStart");
        }
    }
}
