CREATE TABLE "trend_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid,
	"title" text NOT NULL,
	"note" text NOT NULL,
	"url" text NOT NULL,
	"source_name" text NOT NULL,
	"locale" text NOT NULL,
	"theme" text NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"access" "access_level" DEFAULT 'public' NOT NULL,
	"date" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "watch_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"url_key" text,
	"title" text NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"locale" text DEFAULT '' NOT NULL,
	"suggested_themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "watch_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"feed_url" text NOT NULL,
	"site_url" text DEFAULT '' NOT NULL,
	"locale" text DEFAULT '' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"interval_minutes" integer DEFAULT 360 NOT NULL,
	"muted_at" timestamp with time zone,
	"etag" text,
	"last_modified" text,
	"next_poll_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_polled_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_entry_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trend_notes" ADD CONSTRAINT "trend_notes_entry_id_watch_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."watch_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trend_notes" ADD CONSTRAINT "trend_notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watch_entries" ADD CONSTRAINT "watch_entries_source_id_watch_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."watch_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watch_entries" ADD CONSTRAINT "watch_entries_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watch_entries" ADD CONSTRAINT "watch_entries_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trend_notes_date_idx" ON "trend_notes" USING btree ("date");--> statement-breakpoint
CREATE INDEX "trend_notes_theme_idx" ON "trend_notes" USING btree ("theme","date");--> statement-breakpoint
CREATE UNIQUE INDEX "watch_entries_dedupe_key" ON "watch_entries" USING btree ("source_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "watch_entries_url_idx" ON "watch_entries" USING btree ("source_id","url_key");--> statement-breakpoint
CREATE INDEX "watch_entries_queue_idx" ON "watch_entries" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "watch_sources_feed_url_key" ON "watch_sources" USING btree ("feed_url");--> statement-breakpoint
CREATE INDEX "watch_sources_due_idx" ON "watch_sources" USING btree ("next_poll_at") WHERE "watch_sources"."muted_at" IS NULL;