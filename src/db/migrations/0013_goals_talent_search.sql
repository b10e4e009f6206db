CREATE TABLE "achievement_offers" (
	"achievement_id" uuid PRIMARY KEY NOT NULL,
	"prerequisite_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"price_amount" numeric(12, 2),
	"price_currency" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learner_goal_settings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"count_in_progress_mastery" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learner_goals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"occupation_id" uuid,
	"role_profile_id" uuid,
	"stated_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learner_goals_one_target" CHECK (("learner_goals"."occupation_id" is null) <> ("learner_goals"."role_profile_id" is null))
);
--> statement-breakpoint
CREATE TABLE "role_profile_skills" (
	"role_profile_id" uuid NOT NULL,
	"competency_id" uuid NOT NULL,
	"importance" text NOT NULL,
	"min_level" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "role_profile_skills_role_profile_id_competency_id_pk" PRIMARY KEY("role_profile_id","competency_id")
);
--> statement-breakpoint
CREATE TABLE "role_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"account_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"source_occupation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_profiles_one_owner" CHECK (("role_profiles"."organization_id" is null) <> ("role_profiles"."account_id" is null))
);
--> statement-breakpoint
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
ALTER TABLE "achievement_offers" ADD CONSTRAINT "achievement_offers_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_goal_settings" ADD CONSTRAINT "learner_goal_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_goals" ADD CONSTRAINT "learner_goals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_goals" ADD CONSTRAINT "learner_goals_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_goals" ADD CONSTRAINT "learner_goals_role_profile_id_role_profiles_id_fk" FOREIGN KEY ("role_profile_id") REFERENCES "public"."role_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_profile_skills" ADD CONSTRAINT "role_profile_skills_role_profile_id_role_profiles_id_fk" FOREIGN KEY ("role_profile_id") REFERENCES "public"."role_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_profile_skills" ADD CONSTRAINT "role_profile_skills_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_profiles" ADD CONSTRAINT "role_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_profiles" ADD CONSTRAINT "role_profiles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_profiles" ADD CONSTRAINT "role_profiles_source_occupation_id_occupations_id_fk" FOREIGN KEY ("source_occupation_id") REFERENCES "public"."occupations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profile_views" ADD CONSTRAINT "talent_profile_views_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profile_views" ADD CONSTRAINT "talent_profile_views_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD CONSTRAINT "talent_profiles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learner_goals_account_idx" ON "learner_goals" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "role_profile_skills_competency_idx" ON "role_profile_skills" USING btree ("competency_id");--> statement-breakpoint
CREATE INDEX "role_profiles_organization_idx" ON "role_profiles" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "role_profiles_account_idx" ON "role_profiles" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "talent_profile_views_account_idx" ON "talent_profile_views" USING btree ("account_id","viewed_at");