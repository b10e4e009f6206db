CREATE TABLE "bulk_award_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"achievement_id" uuid,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"created_by" text NOT NULL,
	"file_name" text,
	"total_rows" integer NOT NULL,
	"rejected_rows" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bulk_award_rows" (
	"job_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"status" text NOT NULL,
	"input" jsonb NOT NULL,
	"accepted" jsonb,
	"reasons" jsonb,
	"credential_id" uuid NOT NULL,
	"status_list_id" uuid,
	"status_index" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"issued_at" timestamp with time zone,
	CONSTRAINT "bulk_award_rows_job_id_row_number_pk" PRIMARY KEY("job_id","row_number")
);
--> statement-breakpoint
ALTER TABLE "bulk_award_jobs" ADD CONSTRAINT "bulk_award_jobs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_award_jobs" ADD CONSTRAINT "bulk_award_jobs_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_award_rows" ADD CONSTRAINT "bulk_award_rows_job_id_bulk_award_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."bulk_award_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_award_rows" ADD CONSTRAINT "bulk_award_rows_status_list_id_status_lists_id_fk" FOREIGN KEY ("status_list_id") REFERENCES "public"."status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_award_jobs_organization_idx" ON "bulk_award_jobs" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "bulk_award_rows_status_idx" ON "bulk_award_rows" USING btree ("job_id","status","row_number");--> statement-breakpoint
CREATE INDEX "bulk_award_rows_pending_idx" ON "bulk_award_rows" USING btree ("status","locked_until") WHERE "bulk_award_rows"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "bulk_award_rows_credential_idx" ON "bulk_award_rows" USING btree ("credential_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bulk_award_rows_slot_idx" ON "bulk_award_rows" USING btree ("status_list_id","status_index");