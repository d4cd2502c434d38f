/**
 * Message catalogues: one folder per locale under `locales/`, one flat JSON file per module,
 * ICU MessageFormat values. A key is `<file>.<key>`, e.g. `common.nav.home`. Adding a locale is
 * adding a folder; English is the reference every other catalogue is checked against.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { escapeHtml } from '@kitajs/html';
import { IntlMessageFormat } from 'intl-messageformat';
import { createMemo, type Memo } from '../cache/memo.js';
import { formattingLocale } from './dates.js';
import { isolated } from './direction.js';

export const LOCALES_DIR = fileURLToPath(new URL('../../../locales/', import.meta.url));
export const REFERENCE_LOCALE = 'en';

export type MessageValues = Record<string, string | number | Date | boolean>;

/** All messages of one locale, flattened to `<file>.<key>` → ICU source. */
export type Messages = ReadonlyMap<string, string>;

/** Reads every catalogue file of a locale. */
export function readMessages(locale: string, dir = LOCALES_DIR): Messages {
  const messages = new Map<string, string>();
  const localeDir = path.join(dir, locale);
  for (const file of readdirSync(localeDir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const namespace = file.slice(0, -'.json'.length);
    const content = JSON.parse(readFileSync(path.join(localeDir, file), 'utf8')) as Record<
      string,
      unknown
    >;
    for (const [key, value] of Object.entries(content)) {
      if (typeof value !== 'string') {
        throw new Error(`${locale}/${file}: the value of "${key}" is not a string`);
      }
      messages.set(`${namespace}.${key}`, value);
    }
  }
  return messages;
}

/** The locales that have a catalogue folder, reference first. */
export function availableLocales(dir = LOCALES_DIR): string[] {
  const found = readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/.test(entry.name),
    )
    .map((entry) => entry.name)
    .sort();
  return [REFERENCE_LOCALE, ...found.filter((locale) => locale !== REFERENCE_LOCALE)];
}

/** The arguments a message shows as text (`{name}`), not those that choose (select, plural). */
function shownArguments(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) into.add(element.value);
    else if (element.type === TYPE.tag) shownArguments(element.children, into);
    else if (element.type === TYPE.plural || element.type === TYPE.select)
      for (const option of Object.values(element.options)) shownArguments(option.value, into);
  }
  return into;
}

/** Shown string values isolated where their direction may differ from the message's. */
function isolatedValues(
  values: MessageValues,
  shown: ReadonlySet<string>,
  locale: string,
): MessageValues {
  let copy: Record<string, MessageValues[string]> | null = null;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string' || !shown.has(name)) continue;
    const safe = isolated(value, locale);
    if (safe === value) continue;
    copy ??= { ...values };
    copy[name] = safe;
  }
  return copy ?? values;
}

/** Formats messages of one locale; falls back to the reference locale, then to the key itself. */
export interface Translator {
  locale: string;
  t(key: string, values?: MessageValues): string;
  /** The same, HTML-escaped for element content. */
  html(key: string, values?: MessageValues): string;
  has(key: string): boolean;
}

/**
 * A message compiled once: its format, the arguments it shows, and its text (plain and
 * HTML-escaped) when it takes none.
 */
interface Compiled {
  format: IntlMessageFormat;
  shown: ReadonlySet<string>;
  plain: string | undefined;
  plainHtml: string | undefined;
  /** The locale whose text it is (the asked one, or the reference one it falls back to). */
  locale: string;
  /** Its texts for one number (`count=3`), kept as they are asked for (the translator's format). */
  byNumber?: Memo<string>;
}

/** At most this many texts kept per message for its numbers, the least recently used out first. */
const NUMBERS_KEPT = 256;

/** `name=value` when the values are one number (a count), else undefined. */
function oneNumber(values: MessageValues): string | undefined {
  let key: string | undefined;
  for (const name in values) {
    const value = values[name];
    if (key !== undefined || typeof value !== 'number') return undefined;
    key = `${name}=${value}`;
  }
  return key;
}

/** Loads every locale once and hands out translators that cache compiled messages. */
export class Catalogue {
  readonly locales: readonly string[];
  private readonly messages = new Map<string, Messages>();
  /** Per locale, each message compiled on first use (most pages use the same few hundred). */
  private readonly compiled = new Map<string, Map<string, Compiled>>();

  constructor(dir = LOCALES_DIR) {
    this.locales = Object.freeze(availableLocales(dir));
    for (const locale of this.locales) this.messages.set(locale, readMessages(locale, dir));
  }

  isSupported(locale: string): boolean {
    return this.messages.has(locale);
  }

  private compile(locale: string, key: string, source: string): Compiled {
    let ofLocale = this.compiled.get(locale);
    if (!ofLocale) {
      ofLocale = new Map();
      this.compiled.set(locale, ofLocale);
    }
    let compiled = ofLocale.get(key);
    if (!compiled) {
      const format = new IntlMessageFormat(source, formattingLocale(locale));
      const shown = shownArguments(format.getAst());
      const takesNone = format.getAst().every((element) => element.type === TYPE.literal);
      const plain = takesNone ? String(format.format()) : undefined;
      compiled = {
        format,
        shown,
        plain,
        plainHtml: plain === undefined ? undefined : escapeHtml(plain),
        locale,
      };
      ofLocale.set(key, compiled);
    }
    return compiled;
  }

  /** One translator per locale, kept: each finds a key's compiled message in one lookup. */
  private readonly translators = new Map<string, Translator>();

  translator(locale: string): Translator {
    const kept = this.translators.get(locale);
    if (kept) return kept;
    const own = this.messages.get(locale) ?? new Map<string, string>();
    const reference = this.messages.get(REFERENCE_LOCALE) ?? new Map<string, string>();
    // The message of each key asked for in this locale (null: no such key anywhere).
    const found = new Map<string, Compiled | null>();
    const messageOf = (key: string): Compiled | null => {
      let compiled = found.get(key);
      if (compiled === undefined) {
        const useLocale = own.has(key) ? locale : REFERENCE_LOCALE;
        const source = own.get(key) ?? reference.get(key);
        compiled = source === undefined ? null : this.compile(useLocale, key, source);
        found.set(key, compiled);
      }
      return compiled;
    };
    const formatted = (compiled: Compiled, values: MessageValues | undefined): string =>
      String(
        compiled.format.format(values && isolatedValues(values, compiled.shown, compiled.locale)),
      );
    // A message of one number (a list's count, a page's number) is written once per number:
    // formatting a plural with its number was a seventh of a list page's writing (decision 0025).
    const format = (compiled: Compiled, values: MessageValues | undefined): string => {
      const key = values && oneNumber(values);
      if (key === undefined) return formatted(compiled, values);
      const kept = (compiled.byNumber ??= createMemo<string>(NUMBERS_KEPT));
      let text = kept.get(key);
      if (text === undefined) {
        text = formatted(compiled, values);
        kept.set(key, text);
      }
      return text;
    };
    const translator: Translator = {
      locale,
      has: (key) => own.has(key) || reference.has(key),
      t: (key, values) => {
        const compiled = messageOf(key);
        if (!compiled) return key;
        return compiled.plain ?? format(compiled, values);
      },
      html: (key, values) => {
        const compiled = messageOf(key);
        if (!compiled) return escapeHtml(key);
        return compiled.plainHtml ?? escapeHtml(format(compiled, values));
      },
    };
    // Kept for the supported locales only (a locale asked for may come from a request).
    if (this.messages.has(locale)) this.translators.set(locale, translator);
    return translator;
  }
}
