ALTER TABLE "items" ADD COLUMN "locales" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "items" i SET "locales" = coalesce(
  (SELECT array_agg(t.locale ORDER BY t.locale) FROM "item_translations" t WHERE t.item_id = i.id), '{}');
--> statement-breakpoint
-- items.locales follows the translations, whoever writes them (editors, imports, seeds, tests).
-- Translations are never deleted on their own (only with their item), so inserts are enough.
CREATE FUNCTION hrcn_item_locales() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE items i SET locales = (
      SELECT array_agg(DISTINCT l ORDER BY l) FROM unnest(i.locales || a.added) l)
    FROM (SELECT item_id, array_agg(locale) AS added FROM new_rows GROUP BY item_id) a
   WHERE i.id = a.item_id AND NOT i.locales @> a.added;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER item_translations_locales AFTER INSERT ON item_translations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hrcn_item_locales();
--> statement-breakpoint
-- Filtered lists count and page from the index alone; unfiltered ones keep 0016's narrower
-- items_list_idx, which is quicker to read whole.
CREATE INDEX "items_list_filters_idx" ON "items" USING btree ("section", "status", "date")
  INCLUDE ("id", "access", "published_at", "themes", "sdgs", "rights", "countries", "locales");
