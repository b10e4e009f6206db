CREATE TABLE "credential_renewals" (
	"renewed_credential_id" uuid PRIMARY KEY NOT NULL,
	"predecessor_credential_id" uuid NOT NULL,
	"renewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "endorsements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"endorser_organization_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"issued_credential_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "pathway_completions" (
	"pathway_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"issued_credential_id" uuid,
	"counted_external" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pathway_completions_pathway_id_account_id_pk" PRIMARY KEY("pathway_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "pathways" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"achievement_id" uuid NOT NULL,
	"requirement" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recognition_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"external_issuer_id" text NOT NULL,
	"external_achievement_id" text,
	"counts_as_achievement_id" uuid,
	"match_alignments" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credential_renewals" ADD CONSTRAINT "credential_renewals_renewed_credential_id_issued_credentials_id_fk" FOREIGN KEY ("renewed_credential_id") REFERENCES "public"."issued_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credential_renewals" ADD CONSTRAINT "credential_renewals_predecessor_credential_id_issued_credentials_id_fk" FOREIGN KEY ("predecessor_credential_id") REFERENCES "public"."issued_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_endorser_organization_id_organizations_id_fk" FOREIGN KEY ("endorser_organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_issued_credential_id_issued_credentials_id_fk" FOREIGN KEY ("issued_credential_id") REFERENCES "public"."issued_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_completions" ADD CONSTRAINT "pathway_completions_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_completions" ADD CONSTRAINT "pathway_completions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_completions" ADD CONSTRAINT "pathway_completions_issued_credential_id_issued_credentials_id_fk" FOREIGN KEY ("issued_credential_id") REFERENCES "public"."issued_credentials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_rules" ADD CONSTRAINT "recognition_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_rules" ADD CONSTRAINT "recognition_rules_counts_as_achievement_id_achievements_id_fk" FOREIGN KEY ("counts_as_achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "endorsements_target_idx" ON "endorsements" USING btree ("target_kind","target_id");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "pathways_organization_idx" ON "pathways" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "recognition_rules_organization_idx" ON "recognition_rules" USING btree ("organization_id");