-- btree_gin lets one GIN index key rows by year, kind and word (decision 0011).
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "search_documents_public_vector_idx";--> statement-breakpoint
DROP INDEX "search_documents_members_vector_idx";--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "year" integer GENERATED ALWAYS AS (extract(year FROM date)::integer) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "search_documents_public_words_idx" ON "search_documents" USING gin ("year","type","vector") WHERE "search_documents"."layer" = 'public';--> statement-breakpoint
CREATE INDEX "search_documents_members_words_idx" ON "search_documents" USING gin ("year","type","vector") WHERE "search_documents"."layer" = 'members';