DROP INDEX "dialogue_threads_space_idx";--> statement-breakpoint
ALTER TABLE "dialogue_threads" ADD COLUMN "listed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "dialogue_threads_list_idx" ON "dialogue_threads" USING btree ("space_id","pinned" DESC NULLS LAST,"last_posted_at" DESC NULLS LAST,"number" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dialogue_threads_active_idx" ON "dialogue_threads" USING btree ("last_posted_at" DESC NULLS LAST);--> statement-breakpoint
UPDATE "dialogue_threads" t SET "listed" = EXISTS (
  SELECT 1 FROM "dialogue_posts" p
   WHERE p."thread_id" = t."id" AND p."position" = 1 AND p."state" IN ('shown', 'deleted'));
