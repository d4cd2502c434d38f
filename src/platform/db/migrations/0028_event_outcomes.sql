ALTER TABLE "events" ADD COLUMN "outcomes_item_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "attendance" integer;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_outcomes_item_id_items_id_fk" FOREIGN KEY ("outcomes_item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_attendance_counted" CHECK ("events"."attendance" IS NULL OR "events"."attendance" >= 0);