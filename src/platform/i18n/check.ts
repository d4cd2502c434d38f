/**
 * Checks the message catalogues: every locale has exactly the reference locale's keys, every
 * message compiles and uses the same placeholders, and every reference key is used by the code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LOCALES_DIR, REFERENCE_LOCALE, availableLocales, readMessages } from './catalogue.js';

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Keys named in the code: literal strings, and prefixes of template literals (`x.${kind}`). */
function usedKeys(sourceDir: string): { literals: Set<string>; prefixes: string[] } {
  const literals = new Set<string>();
  const prefixes: string[] = [];
  for (const file of sourceFiles(sourceDir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/['"`]([a-z][A-Za-z]*\.[A-Za-z0-9.-]+)['"`]/g))
      literals.add(match[1] ?? '');
    for (const match of text.matchAll(/`([a-z][A-Za-z]*\.[A-Za-z0-9.-]*)\$\{/g))
      prefixes.push(match[1] ?? '');
  }
  return { literals, prefixes };
}

export function checkCatalogues(localesDir = LOCALES_DIR, sourceDir?: string): string[] {
  const problems: string[] = [];
  const reference = readMessages(REFERENCE_LOCALE, localesDir);
  const referenceArguments = new Map<string, Set<string>>();
  for (const locale of availableLocales(localesDir)) {
    const messages = readMessages(locale, localesDir);
    for (const key of reference.keys()) {
      if (!messages.has(key)) problems.push(`${locale}: missing key ${key}`);
    }
    for (const [key, source] of messages) {
      if (!reference.has(key)) {
        problems.push(`${locale}: unknown key ${key} (not in ${REFERENCE_LOCALE})`);
        continue;
      }
      let parsed: IntlMessageFormat;
      try {
        parsed = new IntlMessageFormat(source, locale);
      } catch (error) {
        problems.push(`${locale}: ${key} does not compile: ${(error as Error).message}`);
        continue;
      }
      const names = argumentsOf(parsed.getAst());
      if (locale === REFERENCE_LOCALE) referenceArguments.set(key, names);
      const expected =
        referenceArguments.get(key) ??
        argumentsOf(new IntlMessageFormat(reference.get(key) ?? '', REFERENCE_LOCALE).getAst());
      const same = names.size === expected.size && [...names].every((name) => expected.has(name));
      if (!same) {
        problems.push(
          `${locale}: ${key} uses {${[...names].join(', ')}} instead of {${[...expected].join(', ')}}`,
        );
      }
    }
  }
  if (sourceDir) {
    const { literals, prefixes } = usedKeys(sourceDir);
    for (const key of reference.keys()) {
      if (!literals.has(key) && !prefixes.some((prefix) => key.startsWith(prefix))) {
        problems.push(`${REFERENCE_LOCALE}: unused key ${key}`);
      }
    }
  }
  return problems;
}
