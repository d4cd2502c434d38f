CREATE TABLE "item_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"locale" text NOT NULL,
	"access" "access_level" DEFAULT 'public' NOT NULL,
	"text_status" text DEFAULT 'pending' NOT NULL,
	"text_error" text,
	"text" text,
	"text_started_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "item_files" ADD CONSTRAINT "item_files_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_files" ADD CONSTRAINT "item_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "item_files_storage_key_key" ON "item_files" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "item_files_item_idx" ON "item_files" USING btree ("item_id","created_at");--> statement-breakpoint
CREATE INDEX "item_files_pending_idx" ON "item_files" USING btree ("created_at") WHERE "item_files"."text_status" IN ('pending', 'working');--> statement-breakpoint
-- Joins the vectors of several attached files, each stemmed in its own language (search_documents).
CREATE AGGREGATE hrcn_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');
