/**
 * What an entry's own page tells link previews and search engines: Open Graph and schema.org as
 * JSON-LD. A kind of content builds it once from the entry as the reader reads it (the kind's
 * `metadata` in channels/kind.ts); the page renders it here.
 */
import type { PageContext } from '../context.js';

/** Who the metadata is written for: the reader's language and the site's public address. */
export interface MetadataReader {
  locale: string;
  publicUrl: string;
  /** A message of the catalogue as plain text (the site's name, a theme's name…). */
  text(key: string): string;
}

export interface EntryMetadata {
  openGraph: {
    /** og:type: "article", "website"… */
    type: string;
    title: string;
    description: string | null;
    /** The page's full address. */
    url: string;
    /** The language of the entry's text. */
    locale: string;
  };
  /** schema.org as JSON-LD, or null when the page is not for search engines. */
  jsonLd: Record<string, unknown> | null;
}

/** The head elements of an entry's page. */
export function EntryHead(props: { ctx: PageContext; metadata: EntryMetadata }): JSX.Element {
  const { ctx, metadata } = props;
  const { openGraph } = metadata;
  return (
    <>
      <meta property="og:type" content={openGraph.type} />
      <meta property="og:title" content={openGraph.title} />
      {openGraph.description ? (
        <meta property="og:description" content={openGraph.description} />
      ) : (
        ''
      )}
      <meta property="og:url" content={openGraph.url} />
      <meta property="og:locale" content={openGraph.locale} />
      <meta property="og:site_name" content={ctx.text('common.site.name')} />
      {metadata.jsonLd ? (
        <script type="application/ld+json">
          {/* "<" is escaped so that no text can close the script element. */}
          {JSON.stringify(metadata.jsonLd).replace(/</g, '\\u003c')}
        </script>
      ) : (
        ''
      )}
    </>
  );
}
