-- Portuguese, Dutch and Arabic content: their stemmers, accents folded as for the other languages
-- (migration 0013). Arabic letters that are written several ways for one word are folded by
-- hrcn_fold before stemming (the Arabic stemmer itself folds the hamza forms of alef, the short
-- vowels, tatweel and ta marbuta): alef maqsura to ya, alef wasla to alef, and the Persian ya and
-- kaf that keyboards often type for the Arabic ones. Queries are folded alike (text-match.ts).
CREATE TEXT SEARCH CONFIGURATION hrcn_portuguese (COPY = portuguese);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION hrcn_portuguese ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION hrcn_dutch (COPY = dutch);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION hrcn_dutch ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION hrcn_arabic (COPY = arabic);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION hrcn_arabic ALTER MAPPING FOR hword, hword_part, word WITH unaccent, arabic_stem;--> statement-breakpoint
CREATE OR REPLACE FUNCTION hrcn_search_config(locale text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT CASE split_part(locale, '-', 1)
    WHEN 'en' THEN 'hrcn_english'::regconfig
    WHEN 'fr' THEN 'hrcn_french'::regconfig
    WHEN 'de' THEN 'hrcn_german'::regconfig
    WHEN 'es' THEN 'hrcn_spanish'::regconfig
    WHEN 'it' THEN 'hrcn_italian'::regconfig
    WHEN 'pt' THEN 'hrcn_portuguese'::regconfig
    WHEN 'nl' THEN 'hrcn_dutch'::regconfig
    WHEN 'ar' THEN 'hrcn_arabic'::regconfig
    ELSE 'hrcn_simple'::regconfig
  END
$$;--> statement-breakpoint
CREATE FUNCTION hrcn_fold(body text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT translate(body, 'ىٱیک', 'يايك')
$$;--> statement-breakpoint
-- The text of a document in a configuration, letters folded: what every search vector is made of.
CREATE FUNCTION hrcn_tsvector(config regconfig, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT to_tsvector(config, hrcn_fold(body))
$$;
