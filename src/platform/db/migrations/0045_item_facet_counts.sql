CREATE TABLE "item_facet_counts" (
	"section" text NOT NULL,
	"facet" text NOT NULL,
	"value" text NOT NULL,
	"access" "access_level" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "item_facet_counts_section_facet_value_access_pk" PRIMARY KEY("section","facet","value","access")
);
--> statement-breakpoint
CREATE INDEX "items_scheduled_idx" ON "items" USING btree ("published_at") WHERE status = 'published';--> statement-breakpoint
-- The facet values a published item is counted under: the whole section (''), its type, each
-- theme, SDG, UDHR article, country and language, and its year.
CREATE FUNCTION hrcn_item_facets(type text, themes text[], sdgs smallint[], rights smallint[],
    countries text[], locales text[], day date)
  RETURNS TABLE (facet text, value text) LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT f.facet, f.value FROM (
    SELECT '' AS facet, '' AS value
    UNION ALL SELECT 'type', type
    UNION ALL SELECT 'theme', unnest(themes)
    UNION ALL SELECT 'sdg', unnest(sdgs)::text
    UNION ALL SELECT 'right', unnest(rights)::text
    UNION ALL SELECT 'country', unnest(countries)
    UNION ALL SELECT 'language', unnest(locales)
    UNION ALL SELECT 'year', extract(year FROM day)::int::text
  ) f
$$;
--> statement-breakpoint
-- Keeps item_facet_counts as statements change items: what the statement's rows were is taken
-- away, what they are now is added, one upsert per counter in a fixed order (no deadlock
-- between two writers).
CREATE FUNCTION hrcn_item_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM item_facet_counts;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO item_facet_counts AS c (section, facet, value, access, n)
      SELECT r.section, f.facet, f.value, r.access, count(*)::int FROM new_rows r,
             hrcn_item_facets(r.type, r.themes, r.sdgs, r.rights, r.countries, r.locales, r.date) f
       WHERE r.status = 'published' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (section, facet, value, access) DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO item_facet_counts AS c (section, facet, value, access, n)
      SELECT r.section, f.facet, f.value, r.access, -count(*)::int FROM old_rows r,
             hrcn_item_facets(r.type, r.themes, r.sdgs, r.rights, r.countries, r.locales, r.date) f
       WHERE r.status = 'published' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (section, facet, value, access) DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSE
    INSERT INTO item_facet_counts AS c (section, facet, value, access, n)
      SELECT d.section, d.facet, d.value, d.access, sum(d.n)::int FROM (
        SELECT r.section, f.facet, f.value, r.access, 1 AS n FROM new_rows r,
               hrcn_item_facets(r.type, r.themes, r.sdgs, r.rights, r.countries, r.locales, r.date) f
         WHERE r.status = 'published'
        UNION ALL
        SELECT r.section, f.facet, f.value, r.access, -1 FROM old_rows r,
               hrcn_item_facets(r.type, r.themes, r.sdgs, r.rights, r.countries, r.locales, r.date) f
         WHERE r.status = 'published'
      ) d
       GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (section, facet, value, access) DO UPDATE SET n = c.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER items_counts_insert AFTER INSERT ON items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hrcn_item_counts();
--> statement-breakpoint
CREATE TRIGGER items_counts_update AFTER UPDATE ON items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hrcn_item_counts();
--> statement-breakpoint
CREATE TRIGGER items_counts_delete AFTER DELETE ON items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hrcn_item_counts();
--> statement-breakpoint
CREATE TRIGGER items_counts_truncate AFTER TRUNCATE ON items
  FOR EACH STATEMENT EXECUTE FUNCTION hrcn_item_counts();
--> statement-breakpoint
-- The items already there.
INSERT INTO item_facet_counts (section, facet, value, access, n)
  SELECT r.section, f.facet, f.value, r.access, count(*)::int FROM items r,
         hrcn_item_facets(r.type, r.themes, r.sdgs, r.rights, r.countries, r.locales, r.date) f
   WHERE r.status = 'published' GROUP BY 1, 2, 3, 4;
