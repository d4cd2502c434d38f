/**
 * Topics: what a person can follow, written "<kind>:<key>" ("theme:housing", "sdg:11",
 * "udhr:25", "section:publications", "organisation:graz", "city:utrecht", "event-kind:webinar").
 * Content kinds say which topics an entry is about (FollowSource in the channels' contract); a
 * follow is a topic. Discussion spaces and threads are followed by the dialogue's own watch.
 */
import type { MessageKey } from '../../ui/messages.js';

export const TOPIC_KINDS = [
  'theme',
  'sdg',
  'udhr',
  'section',
  'organisation',
  'city',
  'event-kind',
] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export interface Topic {
  kind: TopicKind;
  key: string;
}

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The topic a string names, when well formed (not yet known to exist); else null. */
export function parseTopic(value: unknown): Topic | null {
  if (typeof value !== 'string' || value.length > 120) return null;
  const at = value.indexOf(':');
  const kind = TOPIC_KINDS.find((candidate) => candidate === value.slice(0, at));
  const key = value.slice(at + 1);
  if (!kind || !KEY.test(key)) return null;
  if (kind === 'sdg' && !inRange(key, 17)) return null;
  if (kind === 'udhr' && !inRange(key, 30)) return null;
  return { kind, key };
}

const inRange = (key: string, max: number): boolean => {
  const number = Number(key);
  return Number.isInteger(number) && number >= 1 && number <= max && String(number) === key;
};

export const topicString = (topic: Topic): string => `${topic.kind}:${topic.key}`;

/** A topic's name in the reader's language; organisations and cities by their own name. */
export function topicLabel(
  topic: Topic,
  text: (key: MessageKey, values?: Record<string, string>) => string,
  names: ReadonlyMap<string, string>,
): string {
  const message = (key: string): string => text(key as MessageKey);
  switch (topic.kind) {
    case 'theme':
      return message(`vocabularies.theme.${topic.key}`);
    case 'sdg':
      return text('following.topic.sdg', {
        number: topic.key,
        name: message(`vocabularies.sdg.${topic.key}`),
      });
    case 'udhr':
      return text('following.topic.udhr', { number: topic.key });
    case 'section':
      return message(`knowledge.section.${topic.key}`);
    case 'event-kind':
      return message(`events.kind.${topic.key}`);
    case 'organisation':
    case 'city':
      return names.get(topicString(topic)) ?? topic.key;
  }
}

/** Where a topic's entries are listed on the site (without locale). */
export function topicPath(topic: Topic): string {
  switch (topic.kind) {
    case 'theme':
      return `/knowledge/thematic-issues?theme=${topic.key}`;
    case 'sdg':
      return `/knowledge/thematic-issues?sdg=${topic.key}`;
    case 'udhr':
      return `/knowledge/human-rights-framework?right=${topic.key}`;
    case 'section':
      return `/knowledge/${topic.key}`;
    case 'organisation':
      return `/network/${topic.key}`;
    case 'city':
      return `/cities/${topic.key}`;
    case 'event-kind':
      return `/events?kind=${topic.key}`;
  }
}
