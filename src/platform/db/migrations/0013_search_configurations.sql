-- Text-search configurations per language that fold accents (unaccent) before stemming, so that
-- "égalité" and "egalite" meet; `simple` for languages PostgreSQL has no stemmer for here.
CREATE TEXT SEARCH CONFIGURATION hrcn_english (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION hrcn_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION hrcn_french (COPY = french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION hrcn_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION hrcn_german (COPY = german);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION hrcn_german ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION hrcn_spanish (COPY = spanish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION hrcn_spanish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION hrcn_italian (COPY = italian);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION hrcn_italian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION hrcn_simple (COPY = simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION hrcn_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;--> statement-breakpoint
-- The configuration of a content language (BCP 47 code).
CREATE FUNCTION hrcn_search_config(locale text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT CASE split_part(locale, '-', 1)
    WHEN 'en' THEN 'hrcn_english'::regconfig
    WHEN 'fr' THEN 'hrcn_french'::regconfig
    WHEN 'de' THEN 'hrcn_german'::regconfig
    WHEN 'es' THEN 'hrcn_spanish'::regconfig
    WHEN 'it' THEN 'hrcn_italian'::regconfig
    ELSE 'hrcn_simple'::regconfig
  END
$$;
