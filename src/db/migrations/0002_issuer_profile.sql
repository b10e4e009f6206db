ALTER TABLE "organizations" ADD COLUMN "image_url" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "official_identifiers" jsonb DEFAULT '[]'::jsonb NOT NULL;