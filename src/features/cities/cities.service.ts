/**
 * Reading the cities' profiles as a reader may: the approved copy only, members-only values for
 * the members layer only (readableBy), the practices as the reader may read them, and the
 * transfers told on both cities' profiles and on the practice.
 */
import type { Viewer } from '../access/index.js';
import { readableBy, type ProfileData, type Transfer } from './profile.js';
import type { CityRow, Indicator, ProfilesRepository } from './profiles.repository.js';

/** A Knowledge Centre item as a card: what the practices' links need. */
export interface PracticeCard {
  section: string;
  slug: string;
  title: string;
}

export type PracticeCards = (
  viewer: Viewer,
  slugs: readonly string[],
  locale: string,
) => Promise<readonly PracticeCard[]>;

export interface ReadCity extends Omit<CityRow, 'published'> {
  /** The approved profile as the reader may read it; null when none was approved. */
  profile: ProfileData | null;
}

export interface TransferView extends Transfer {
  /** The city that took the practice up. */
  to: { slug: string; name: string };
  fromCity: { slug: string; name: string } | null;
}

/** The most cities a comparison holds. */
export const MAX_COMPARED = 5;

export const indicatorName = (indicator: Indicator, locale: string): string =>
  indicator.names[locale] ??
  indicator.names.en ??
  Object.values(indicator.names)[0] ??
  indicator.key;

export const indicatorDefinition = (indicator: Indicator, locale: string): string =>
  indicator.definitions[locale] ??
  indicator.definitions.en ??
  Object.values(indicator.definitions)[0] ??
  '';

export function createCitiesService(deps: {
  profiles: ProfilesRepository;
  practiceCards: PracticeCards;
}) {
  const { profiles } = deps;
  const read = (viewer: Viewer, city: CityRow): ReadCity => {
    const { published, ...rest } = city;
    return { ...rest, profile: published ? readableBy(viewer, published) : null };
  };
  /** The transfers to or from a city, with both cities named. */
  const transfersOfCity = async (city: string): Promise<TransferView[]> =>
    (await profiles.transfers(city)).map(({ to, from, transfer }) => ({
      ...transfer,
      to,
      fromCity: from,
    }));

  return {
    /** Every member city with its stage and commitments (no values): what lists show. */
    async list(viewer: Viewer): Promise<ReadCity[]> {
      return (await profiles.summaries()).map((city) => read(viewer, city));
    },

    /** Every member city with the whole of its profile the viewer may read. */
    async listWhole(viewer: Viewer): Promise<ReadCity[]> {
      return (await profiles.cities()).map((city) => read(viewer, city));
    },

    async indicators(): Promise<Indicator[]> {
      return profiles.indicators();
    },

    /** One city's page: its profile, the practices it holds and the transfers in both directions. */
    async city(viewer: Viewer, slug: string, locale: string) {
      const city = await profiles.city(slug);
      if (!city) return null;
      const readCity = read(viewer, city);
      const transfers = await transfersOfCity(slug);
      // Practices, and the Knowledge Centre documents of the commitments, as the reader may read them.
      const practiceSlugs = [
        ...(readCity.profile?.practices ?? []),
        ...(readCity.profile?.commitments ?? []).flatMap((commitment) =>
          commitment.document ? [commitment.document] : [],
        ),
        ...transfers.map((transfer) => transfer.practice),
      ];
      const practices = await deps.practiceCards(viewer, [...new Set(practiceSlugs)], locale);
      // A transfer of a practice the reader may not read is not told at all.
      const readable = new Set(practices.map((practice) => practice.slug));
      const told = transfers.filter((transfer) => readable.has(transfer.practice));
      return {
        city: readCity,
        indicators: await profiles.indicators(),
        practices,
        takenUp: told.filter((transfer) => transfer.to.slug === slug),
        passedOn: told.filter((transfer) => transfer.from === slug),
      };
    },

    /** Two to five cities side by side, in the order asked. */
    async compare(viewer: Viewer, slugs: readonly string[]) {
      const asked = [...new Set(slugs)].slice(0, MAX_COMPARED);
      const [found, all] = await Promise.all([profiles.citiesBySlug(asked), profiles.summaries()]);
      const chosen = asked
        .flatMap((slug) => found.filter((city) => city.slug === slug))
        .map((city) => read(viewer, city));
      return { cities: chosen, all: all.map((city) => ({ slug: city.slug, name: city.name })) };
    },
  };
}

export type CitiesService = ReturnType<typeof createCitiesService>;
