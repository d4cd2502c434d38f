ALTER TABLE "links" ADD COLUMN "check_state" text;--> statement-breakpoint
ALTER TABLE "links" ADD COLUMN "check_http_status" integer;--> statement-breakpoint
ALTER TABLE "links" ADD COLUMN "check_final_url" text;--> statement-breakpoint
ALTER TABLE "links" ADD COLUMN "check_message" text;--> statement-breakpoint
ALTER TABLE "links" ADD COLUMN "checked_at" timestamp with time zone;