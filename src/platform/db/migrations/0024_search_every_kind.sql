-- One table of search documents for every kind of content (decision 0015): rows name their kind
-- and key; items keep their columns, which other kinds leave empty.
ALTER TABLE "search_documents" ADD COLUMN "kind" text DEFAULT 'item' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "key" text;--> statement-breakpoint
UPDATE "search_documents" SET "key" = "item_id"::text;--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "url" text;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "snippet" text;--> statement-breakpoint
ALTER TABLE "search_documents" DROP CONSTRAINT "search_documents_item_id_locale_layer_pk";--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_kind_key_locale_layer_pk" PRIMARY KEY("kind","key","locale","layer");--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "item_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "section" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "slug" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "visible_from" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_item_check" CHECK ("search_documents"."kind" <> 'item' OR ("search_documents"."item_id" IS NOT NULL AND "search_documents"."section" IS NOT NULL AND "search_documents"."slug" IS NOT NULL AND "search_documents"."visible_from" IS NOT NULL));--> statement-breakpoint
CREATE INDEX "search_documents_others_idx" ON "search_documents" USING btree ("layer","kind") WHERE "search_documents"."kind" <> 'item';--> statement-breakpoint
CREATE INDEX "search_documents_others_words_idx" ON "search_documents" USING gin ("vector") WHERE "search_documents"."kind" <> 'item';--> statement-breakpoint
-- The items' indexes now hold items only.
DROP INDEX "search_documents_public_words_idx";--> statement-breakpoint
DROP INDEX "search_documents_members_words_idx";--> statement-breakpoint
DROP INDEX "search_documents_date_idx";--> statement-breakpoint
DROP INDEX "search_documents_type_date_idx";--> statement-breakpoint
CREATE INDEX "search_documents_public_words_idx" ON "search_documents" USING gin ("year","type","vector") WHERE "search_documents"."layer" = 'public' AND "search_documents"."kind" = 'item';--> statement-breakpoint
CREATE INDEX "search_documents_members_words_idx" ON "search_documents" USING gin ("year","type","vector") WHERE "search_documents"."layer" = 'members' AND "search_documents"."kind" = 'item';--> statement-breakpoint
CREATE INDEX "search_documents_date_idx" ON "search_documents" USING btree ("layer","date" DESC NULLS LAST,"item_id") WHERE "search_documents"."kind" = 'item';--> statement-breakpoint
CREATE INDEX "search_documents_type_date_idx" ON "search_documents" USING btree ("layer","type","date" DESC NULLS LAST,"item_id") WHERE "search_documents"."kind" = 'item';
