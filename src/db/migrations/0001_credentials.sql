CREATE TABLE "achievements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"achievement_type" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "issued_credentials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"achievement_id" uuid,
	"format" text NOT NULL,
	"signed" text NOT NULL,
	"recipient_email" text,
	"recipient_did" text,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"revocation_list_id" uuid,
	"revocation_index" integer,
	"suspension_list_id" uuid,
	"suspension_index" integer,
	"revoked_at" timestamp with time zone,
	"suspended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "issuer_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"algorithm" text NOT NULL,
	"fragment" text NOT NULL,
	"public_key_multibase" text,
	"public_key_jwk" jsonb,
	"sealed_private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "status_lists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"size" integer NOT NULL,
	"bits" text NOT NULL,
	"allocated" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_credentials" ADD CONSTRAINT "issued_credentials_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_credentials" ADD CONSTRAINT "issued_credentials_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_credentials" ADD CONSTRAINT "issued_credentials_revocation_list_id_status_lists_id_fk" FOREIGN KEY ("revocation_list_id") REFERENCES "public"."status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_credentials" ADD CONSTRAINT "issued_credentials_suspension_list_id_status_lists_id_fk" FOREIGN KEY ("suspension_list_id") REFERENCES "public"."status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issuer_keys" ADD CONSTRAINT "issuer_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_lists" ADD CONSTRAINT "status_lists_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "achievements_organization_idx" ON "achievements" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "issued_credentials_organization_idx" ON "issued_credentials" USING btree ("organization_id","issued_at");--> statement-breakpoint
CREATE INDEX "issued_credentials_recipient_email_idx" ON "issued_credentials" USING btree ("recipient_email");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_credentials_revocation_slot_idx" ON "issued_credentials" USING btree ("revocation_list_id","revocation_index");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_credentials_suspension_slot_idx" ON "issued_credentials" USING btree ("suspension_list_id","suspension_index");--> statement-breakpoint
CREATE INDEX "issuer_keys_organization_idx" ON "issuer_keys" USING btree ("organization_id","algorithm");--> statement-breakpoint
CREATE INDEX "status_lists_organization_idx" ON "status_lists" USING btree ("organization_id","purpose");