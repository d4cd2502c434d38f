/**
 * What a city's human rights profile holds, and the vocabularies of its parts. Pure data: the
 * forms, pages, channels and the review all read it from here.
 */
import { canSeeMembersLayer, type Viewer } from '../access/index.js';

/** Where a city stands on its way to being a human rights city, in order. */
export const STAGES = [
  'interested',
  'committed',
  'declared',
  'institutionalised',
  'monitored',
] as const;
export type Stage = (typeof STAGES)[number];

/** What a commitment refers to. */
export const INSTRUMENTS = [
  'european-charter',
  'gwangju-principles',
  'global-charter-agenda',
  'declaration',
  'local-strategy',
  'human-rights-office',
  'ombudsperson',
  'other',
] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/** How far a city has taken up another's practice. */
export const TRANSFER_STATUSES = ['exploring', 'adapting', 'running', 'evaluated'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export interface Commitment {
  id: string;
  name: string;
  instrument: Instrument;
  /** YYYY-MM-DD. */
  date: string;
  url: string;
  /** A Knowledge Centre item holding the document, by its address's last part; '' for none. */
  document: string;
}

export interface IndicatorValue {
  indicator: string;
  year: number;
  value: number;
  source: string;
  membersOnly: boolean;
}

export interface Transfer {
  id: string;
  /** The good practice taken up (a Knowledge Centre item's slug). */
  practice: string;
  /** The city it comes from (an organisation's slug). */
  from: string;
  status: TransferStatus;
  /** YYYY-MM-DD. */
  started: string;
  /** What changed in the city taking it up. */
  changed: string;
}

export interface ProfileData {
  stage: Stage | null;
  /** The date each step was reached (YYYY-MM-DD). */
  steps: Partial<Record<Stage, string>>;
  commitments: Commitment[];
  values: IndicatorValue[];
  /** The city's good practices (Knowledge Centre items' slugs). */
  practices: string[];
  /** Practices of other cities this city took up. */
  transfers: Transfer[];
}

export const EMPTY_PROFILE: ProfileData = {
  stage: null,
  steps: {},
  commitments: [],
  values: [],
  practices: [],
  transfers: [],
};

/** A stored profile with every part present (older copies may lack a newer part). */
export const complete = (data: Partial<ProfileData> | null | undefined): ProfileData => ({
  ...EMPTY_PROFILE,
  ...data,
});

/** The profile as the viewer may read it: members-only values only for the members layer. */
export function readableBy(viewer: Viewer, data: ProfileData): ProfileData {
  if (canSeeMembersLayer(viewer)) return data;
  return { ...data, values: data.values.filter((value) => !value.membersOnly) };
}

/** Values sorted by indicator, then year. */
export const byIndicatorAndYear = (values: readonly IndicatorValue[]): IndicatorValue[] =>
  [...values].sort((a, b) => a.indicator.localeCompare(b.indicator) || a.year - b.year);
