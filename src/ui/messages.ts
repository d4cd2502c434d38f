/**
 * The type of every message key, derived from the English catalogues, so that a page cannot ask
 * for a key that does not exist. `npm run i18n:check` keeps the other languages complete.
 */
import type account from '../../locales/en/account.json';
import type admin from '../../locales/en/admin.json';
import type cities from '../../locales/en/cities.json';
import type common from '../../locales/en/common.json';
import type dialogue from '../../locales/en/dialogue.json';
import type editor from '../../locales/en/editor.json';
import type errors from '../../locales/en/errors.json';
import type events from '../../locales/en/events.json';
import type experts from '../../locales/en/experts.json';
import type files from '../../locales/en/files.json';
import type following from '../../locales/en/following.json';
import type home from '../../locales/en/home.json';
import type knowledge from '../../locales/en/knowledge.json';
import type mail from '../../locales/en/mail.json';
import type membership from '../../locales/en/membership.json';
import type monitoring from '../../locales/en/monitoring.json';
import type network from '../../locales/en/network.json';
import type newsletter from '../../locales/en/newsletter.json';
import type people from '../../locales/en/people.json';
import type search from '../../locales/en/search.json';
import type sections from '../../locales/en/sections.json';
import type setup from '../../locales/en/setup.json';
import type vocabularies from '../../locales/en/vocabularies.json';

interface Catalogues {
  account: typeof account;
  admin: typeof admin;
  cities: typeof cities;
  common: typeof common;
  dialogue: typeof dialogue;
  editor: typeof editor;
  errors: typeof errors;
  events: typeof events;
  experts: typeof experts;
  files: typeof files;
  following: typeof following;
  home: typeof home;
  knowledge: typeof knowledge;
  mail: typeof mail;
  membership: typeof membership;
  monitoring: typeof monitoring;
  network: typeof network;
  newsletter: typeof newsletter;
  people: typeof people;
  search: typeof search;
  sections: typeof sections;
  setup: typeof setup;
  vocabularies: typeof vocabularies;
}

export type MessageKey = {
  [N in keyof Catalogues]: `${N}.${keyof Catalogues[N] & string}`;
}[keyof Catalogues];
