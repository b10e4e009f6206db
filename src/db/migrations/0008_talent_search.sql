CREATE TABLE "talent_profile_views" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"viewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_profiles" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"opted_in" boolean DEFAULT false NOT NULL,
	"show_name" boolean DEFAULT false NOT NULL,
	"headline" text,
	"location" text,
	"show_headline" boolean DEFAULT false NOT NULL,
	"contact_email" text,
	"show_email" boolean DEFAULT false NOT NULL,
	"hidden_issuers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hidden_credentials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opted_in_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_profiles_id_unique" UNIQUE("id")
);
--> statement-breakpoint
ALTER TABLE "talent_profile_views" ADD CONSTRAINT "talent_profile_views_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profile_views" ADD CONSTRAINT "talent_profile_views_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD CONSTRAINT "talent_profiles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_profile_views_account_idx" ON "talent_profile_views" USING btree ("account_id","viewed_at");