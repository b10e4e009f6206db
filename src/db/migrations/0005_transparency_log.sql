CREATE TABLE "transparency_cosignatures" (
	"tree_size" bigint NOT NULL,
	"witness_id" uuid NOT NULL,
	"signature" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "transparency_cosignatures_tree_size_witness_id_pk" PRIMARY KEY("tree_size","witness_id")
);
--> statement-breakpoint
CREATE TABLE "transparency_entries" (
	"index" bigint PRIMARY KEY NOT NULL,
	"event_type" text NOT NULL,
	"leaf" text NOT NULL,
	"credential_hash" text,
	"logged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_heads" (
	"tree_size" bigint PRIMARY KEY NOT NULL,
	"root_hash" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"signature" text NOT NULL,
	"key_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_log" (
	"id" integer PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_nodes" (
	"level" integer NOT NULL,
	"index" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "transparency_nodes_level_index_pk" PRIMARY KEY("level","index")
);
--> statement-breakpoint
CREATE TABLE "transparency_witnesses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"public_key_multibase" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transparency_witnesses_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "transparency_cosignatures" ADD CONSTRAINT "transparency_cosignatures_tree_size_transparency_heads_tree_size_fk" FOREIGN KEY ("tree_size") REFERENCES "public"."transparency_heads"("tree_size") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transparency_cosignatures" ADD CONSTRAINT "transparency_cosignatures_witness_id_transparency_witnesses_id_fk" FOREIGN KEY ("witness_id") REFERENCES "public"."transparency_witnesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transparency_entries_credential_idx" ON "transparency_entries" USING btree ("credential_hash");