CREATE TABLE "trusted_issuers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"organization_id" uuid,
	"did" text,
	"domain" text,
	"name" text NOT NULL,
	"accrediting_body" text,
	"accreditation_id" text,
	"accreditation_url" text,
	"valid_until" timestamp with time zone,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trusted_issuers" ADD CONSTRAINT "trusted_issuers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trusted_issuers_organization_idx" ON "trusted_issuers" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trusted_issuers_did_idx" ON "trusted_issuers" USING btree ("did");--> statement-breakpoint
CREATE UNIQUE INDEX "trusted_issuers_domain_idx" ON "trusted_issuers" USING btree ("domain");