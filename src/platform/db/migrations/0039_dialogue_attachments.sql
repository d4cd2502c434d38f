CREATE TABLE "dialogue_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dialogue_attachments" ADD CONSTRAINT "dialogue_attachments_post_id_dialogue_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."dialogue_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dialogue_attachments_post_idx" ON "dialogue_attachments" USING btree ("post_id");