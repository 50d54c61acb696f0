using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interoffice.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Newsletter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ForgetBodyWhenDone",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Lane",
                table: "OutboxMessages",
                type: "TEXT",
                unicode: false,
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnsubscribeUrl",
                table: "OutboxMessages",
                type: "TEXT",
                unicode: false,
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NewsletterIssues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    NewsItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StatementVersion = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsletterSecrets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sealed = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterSecrets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsletterUnsubscribed",
                columns: table => new
                {
                    AddressHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    UnsubscribedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterUnsubscribed", x => x.AddressHash);
                });

            migrationBuilder.CreateTable(
                name: "NewsletterWordings",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FirstUsedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterWordings", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "NewsletterSubscribers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    SignedUpAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    TokenExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSignUpMailAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WordingSha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterSubscribers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsletterSubscribers_NewsletterWordings_WordingSha256",
                        column: x => x.WordingSha256,
                        principalTable: "NewsletterWordings",
                        principalColumn: "Sha256",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Lane_SentAt",
                table: "OutboxMessages",
                columns: new[] { "Lane", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterIssues_SentAt",
                table: "NewsletterIssues",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterSubscribers_ConfirmedAt",
                table: "NewsletterSubscribers",
                column: "ConfirmedAt");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterSubscribers_NormalizedEmail",
                table: "NewsletterSubscribers",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterSubscribers_TokenHash",
                table: "NewsletterSubscribers",
                column: "TokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterSubscribers_WordingSha256",
                table: "NewsletterSubscribers",
                column: "WordingSha256");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterUnsubscribed_UnsubscribedOn",
                table: "NewsletterUnsubscribed",
                column: "UnsubscribedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NewsletterIssues");

            migrationBuilder.DropTable(
                name: "NewsletterSecrets");

            migrationBuilder.DropTable(
                name: "NewsletterSubscribers");

            migrationBuilder.DropTable(
                name: "NewsletterUnsubscribed");

            migrationBuilder.DropTable(
                name: "NewsletterWordings");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Lane_SentAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ForgetBodyWhenDone",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Lane",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "UnsubscribeUrl",
                table: "OutboxMessages");
        }
    }
}
