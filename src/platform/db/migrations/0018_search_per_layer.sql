DROP INDEX "search_documents_vector_idx";--> statement-breakpoint
CREATE INDEX "search_documents_public_vector_idx" ON "search_documents" USING gin ("vector") WHERE "search_documents"."layer" = 'public';--> statement-breakpoint
CREATE INDEX "search_documents_members_vector_idx" ON "search_documents" USING gin ("vector") WHERE "search_documents"."layer" = 'members';