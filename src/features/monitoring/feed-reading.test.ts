import { describe, expect, it } from 'vitest';
import { normaliseUrl, readFeed, titleFingerprint } from './feed-reading.js';
import { themeSuggester } from './theme-suggestions.js';

const rss = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Source</title><link>https://a.example</link><language>fr-FR</language>
<item><title>Logement &amp; droits</title><link>https://www.a.example/n/1/?utm_source=x#top</link>
<guid isPermaLink="false">g-1</guid><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Texte&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description><category>housing</category></item>
<item><title>Sans guid</title><link>https://a.example/n/2</link></item>
<item><title>Sans adresse</title></item>
<item><title>g-1 again</title><guid>g-1</guid></item>
</channel></rss>`;

describe('readFeed', () => {
  it('reads RSS entries as plain text, with their keys and the feed language', () => {
    const read = readFeed(rss);
    expect(read.title).toBe('Source');
    expect(read.entries.map((entry) => entry.dedupeKey)).toEqual([
      'guid:g-1',
      'url:a.example/n/2',
      `title:${titleFingerprint('Sans adresse')}`,
    ]);
    const first = read.entries[0];
    expect(first?.title).toBe('Logement & droits');
    expect(first?.summary).toBe('Texte');
    expect(first?.locale).toBe('fr');
    expect(first?.urlKey).toBe('a.example/n/1');
    expect(first?.publishedAt?.toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(first?.categories).toEqual(['housing']);
  });

  it('reads Atom and JSON Feed', () => {
    const atom = readFeed(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><title>A</title>
      <id>urn:a</id><updated>2026-01-01T00:00:00Z</updated>
      <entry><title type="html">&lt;b&gt;Wohnen&lt;/b&gt;</title><id>urn:e1</id>
      <link rel="alternate" href="https://b.example/e"/><updated>2026-11-01T00:00:00Z</updated>
      <summary>S</summary></entry></feed>`);
    expect(atom.entries[0]).toMatchObject({
      dedupeKey: 'guid:urn:e1',
      title: 'Wohnen',
      url: 'https://b.example/e',
      locale: 'de',
    });
    const json = readFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [
          { id: '1', url: 'https://c.example/1', title: 'J1', content_text: 't', language: 'es' },
        ],
      }),
    );
    expect(json.entries[0]).toMatchObject({ dedupeKey: 'guid:1', title: 'J1', locale: 'es' });
  });

  it('refuses what is not a feed', () => {
    expect(() => readFeed('<html><body>Not a feed</body></html>')).toThrow();
    expect(() => readFeed('<rss><channel><item>')).toThrow();
  });
});

describe('normaliseUrl', () => {
  it('names the same page however it is written', () => {
    expect(normaliseUrl('HTTPS://WWW.Example.org/a/?utm_medium=m&b=2&a=1#x')).toBe(
      'example.org/a?a=1&b=2',
    );
    expect(normaliseUrl('javascript:alert(1)')).toBeNull();
    expect(normaliseUrl('not an address')).toBeNull();
  });
});

describe('themeSuggester', () => {
  const suggest = themeSuggester([
    { key: 'housing', family: 'rights', names: ['Housing', 'Logement'] },
    { key: 'migration-and-refugees', family: 'rights', names: ['Migration and refugees'] },
    { key: 'child-friendly-city', family: 'thematic-city', names: ['Child-friendly city'] },
  ]);
  it('finds themes by their names in any language and by terms of the field', () => {
    expect(suggest('Le droit au logement en Europe')).toEqual(['housing']);
    expect(suggest('Cities welcome refugees; evictions rise')).toEqual([
      'housing',
      'migration-and-refugees',
    ]);
    expect(suggest('A child-friendly city award')).toEqual(['child-friendly-city']);
    expect(suggest('Budget debate')).toEqual([]);
  });
});
