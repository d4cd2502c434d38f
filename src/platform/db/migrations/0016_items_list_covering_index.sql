-- Section lists count their items on every page: with access and publication time in the index,
-- the count is answered from the index alone (Drizzle cannot declare INCLUDE, hence by hand).
CREATE INDEX IF NOT EXISTS "items_list_idx" ON "items" USING btree ("section", "status", "date") INCLUDE ("access", "published_at");
