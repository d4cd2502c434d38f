-- Trigram similarity for typo-tolerant search and suggestions; accent folding for search in every language.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
