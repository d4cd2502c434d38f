/**
 * What a city's profile page tells link previews and search engines: schema.org City, with its
 * commitments as the works it is the subject of and its indicator values (those the reader may
 * read) as properties with their year and source.
 */
import type { EntryMetadata, MetadataReader } from '../../ui/components/metadata.js';
import { indicatorName, type ReadCity } from './cities.service.js';
import type { Indicator } from './profiles.repository.js';

export function cityMetadata(
  city: ReadCity,
  indicators: readonly Indicator[],
  reader: MetadataReader,
): EntryMetadata {
  const url = `${reader.publicUrl}/${reader.locale}/cities/${city.slug}`;
  const byKey = new Map(indicators.map((indicator) => [indicator.key, indicator]));
  const profile = city.profile;
  return {
    openGraph: {
      type: 'website',
      title: city.name,
      description: profile?.stage ? reader.text(`cities.stage.${profile.stage}`) : null,
      url,
      locale: reader.locale,
    },
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'City',
      name: city.name,
      url,
      ...(city.country
        ? { address: { '@type': 'PostalAddress', addressCountry: city.country } }
        : {}),
      ...(city.latitude !== null && city.longitude !== null
        ? { geo: { '@type': 'GeoCoordinates', latitude: city.latitude, longitude: city.longitude } }
        : {}),
      memberOf: { '@type': 'Organization', name: reader.text('common.site.name') },
      subjectOf: (profile?.commitments ?? []).map((commitment) => ({
        '@type': 'CreativeWork',
        name: commitment.name,
        datePublished: commitment.date,
        ...(commitment.url ? { url: commitment.url } : {}),
      })),
      additionalProperty: (profile?.values ?? []).flatMap((value) => {
        const indicator = byKey.get(value.indicator);
        if (!indicator) return [];
        return [
          {
            '@type': 'PropertyValue',
            propertyID: indicator.key,
            name: indicatorName(indicator, reader.locale),
            value: value.value,
            unitText: indicator.unit,
            description: `${value.year}: ${value.source}`,
          },
        ];
      }),
    },
  };
}
