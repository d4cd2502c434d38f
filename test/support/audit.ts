/**
 * The every-page audit: each page a test meets, recorded with the person who met it, checked by
 * axe (WCAG 2.0/2.1/2.2 A and AA, zero violations) in every language of the catalogues and in
 * the light and the dark scheme, one test per language at the end of the file. Pages are recorded
 * without their language; forms are recorded to be sent empty, so that they show their problems.
 * axe is loaded into each page before the page's own scripts (as axe's extensions do), which
 * costs a third of injecting it after each load.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { availableLocales } from '../../src/platform/i18n/catalogue.js';
import { AXE_TAGS, SCREENSHOTS } from './browser.js';

/** Every language of the interface, English first. */
export const LOCALES = availableLocales();
/** The languages whose pages are also kept as screenshots: the reference, and right to left. */
const PHOTOGRAPHED = new Set(['en', 'ar']);
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 375, height: 720 };
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
interface Recorded {
  as: string;
  state: StorageState;
  pages: Set<string>;
  /** Form page → the selector of the button that sends it, and whether to empty it first. */
  forms: Map<string, { submit: string; clear: boolean }>;
}

/** A path without its leading language: '/fr/knowledge?x=1' → '/knowledge?x=1'. */
export const withoutLocale = (target: string): string =>
  target.replace(/^\/[a-z]{2,3}(?=\/|\?|$)/u, '') || '/';

/** axe on the loaded page (axe preloaded by the audit's contexts): its violations, readable. */
async function violationsOf(page: Page, label: string): Promise<string[]> {
  const violations = await page.evaluate(async (tags) => {
    interface AxeResult {
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run(...args: unknown[]): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map(
      (v) => `${v.id} (${v.impact ?? ''}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, AXE_TAGS);
  return violations.map((violation) => `${label}: ${violation}`);
}

const fileName = (prefix: string, as: string, locale: string, target: string, form: boolean) =>
  `${prefix}-${as}-${locale}-${
    target
      .replace(/^\//, '')
      .replace(/[/?=&]+/g, '-')
      .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'id')
      .slice(0, 80) || 'home'
  }${form ? '-errors' : ''}.png`;

export interface Audit {
  /** Notes pages (with or without their language) to check as the person of `context`. */
  pages(as: string, context: BrowserContext, targets: readonly string[]): Promise<void>;
  /**
   * Notes forms to check once sent empty (by `submit`, the first in main by default); a form
   * filled in already (an edit form) is emptied first with `clear`.
   */
  forms(
    as: string,
    context: BrowserContext,
    targets: readonly string[],
    submit?: string,
    options?: { clear?: boolean },
  ): Promise<void>;
  /**
   * Checks pages (and forms sent empty) now, in every language and both schemes: pages whose
   * state will change, such as an invitation before it is used.
   */
  now(
    as: string,
    context: BrowserContext,
    targets: readonly string[],
    forms?: readonly string[],
    submit?: string,
  ): Promise<void>;
  /** Declares the audit's tests, one per language; call at the end of the test file. */
  declare(served: () => { browser: Browser; baseUrl: string }): void;
}

let addresses = 0;
/** A documentation address (RFC 5737), a new one for each of 250 calls in turn. */
export const nextAddress = (): string => {
  addresses += 1;
  return `198.51.100.${1 + (addresses % 250)}`;
};

/** Checks one person's pages and forms in one language, in both schemes: the failures. */
async function auditIn(
  prefix: string,
  served: { browser: Browser; baseUrl: string },
  entry: Recorded,
  locale: string,
): Promise<string[]> {
  const failures: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await served.browser.newContext({
      storageState: entry.state,
      colorScheme,
      locale,
      viewport: DESKTOP,
      // Each check from an address of its own, for an app that trusts the header (TRUST_PROXY):
      // forms sent empty in every language stay under their per-address limits.
      extraHTTPHeaders: { 'x-forwarded-for': nextAddress() },
    });
    await context.addInitScript(AXE_SOURCE);
    const page = await context.newPage();
    const label = (target: string) => `${entry.as} ${colorScheme} /${locale}${target}`;
    const photograph = async (target: string, form: boolean) => {
      if (colorScheme !== 'light' || !PHOTOGRAPHED.has(locale)) return;
      const name = fileName(prefix, entry.as, locale, target, form);
      await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
      if (locale !== 'ar') return;
      // Right to left on a phone: looked at, and nothing wider than the screen.
      await page.setViewportSize(PHONE);
      const overflow = await page.evaluate(() => {
        const width = window.innerWidth;
        // The innermost elements that reach past either edge: what makes the page too wide.
        const outside = Array.from(document.querySelectorAll('body *')).filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.left < -1 || box.right > width + 1);
        });
        const innermost = outside.filter(
          (element) => !outside.some((o) => element.contains(o) && o !== element),
        );
        const name = (element: Element) =>
          `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}`;
        return {
          by: document.documentElement.scrollWidth - width,
          culprits: innermost
            .slice(0, 3)
            .map(
              (element) =>
                `${element.parentElement ? name(element.parentElement) : ''} > ${name(element)}`,
            ),
        };
      });
      if (overflow.by > 0)
        failures.push(
          `${label(target)}: ${overflow.by} px wider than a phone (${overflow.culprits.join('; ')})`,
        );
      await page.screenshot({
        path: path.join(SCREENSHOTS, name.replace(/\.png$/, '-375px.png')),
        fullPage: true,
      });
      await page.setViewportSize(DESKTOP);
    };
    for (const target of entry.pages) {
      await page.goto(`${served.baseUrl}/${locale}${target}`);
      failures.push(...(await violationsOf(page, label(target))));
      await photograph(target, false);
    }
    for (const [target, { submit, clear }] of entry.forms) {
      await page.goto(`${served.baseUrl}/${locale}${target}`);
      if (clear)
        await page
          .locator(submit)
          .first()
          .evaluate((button: HTMLButtonElement) => {
            const fields = button.form?.querySelectorAll('textarea, input[type=text]');
            for (const field of Array.from(fields ?? [])) (field as HTMLInputElement).value = '';
          });
      await page.locator(submit).first().click();
      await page.getByRole('alert').first().waitFor();
      failures.push(...(await violationsOf(page, `${label(target)} (sent empty)`)));
      await photograph(target, true);
    }
    await context.close();
  }
  return failures;
}

export function createAudit(prefix: string): Audit {
  const recorded = new Map<string, Recorded>();
  let servedOf: (() => { browser: Browser; baseUrl: string }) | null = null;
  const entryOf = async (as: string, context: BrowserContext): Promise<Recorded> => {
    const entry = recorded.get(as) ?? {
      as,
      state: await context.storageState(),
      pages: new Set<string>(),
      forms: new Map<string, { submit: string; clear: boolean }>(),
    };
    // The latest session of this person is the one to use.
    entry.state = await context.storageState();
    recorded.set(as, entry);
    return entry;
  };

  return {
    async pages(as, context, targets) {
      const entry = await entryOf(as, context);
      for (const target of targets) entry.pages.add(withoutLocale(target));
    },
    async forms(as, context, targets, submit = 'main button[type=submit]', options = {}) {
      const entry = await entryOf(as, context);
      for (const target of targets)
        entry.forms.set(withoutLocale(target), { submit, clear: options.clear ?? false });
    },
    async now(as, context, targets, forms = [], submit = 'main button[type=submit]') {
      if (!servedOf) throw new Error('audit.now() needs audit.declare() first');
      const served = servedOf();
      const entry: Recorded = {
        as,
        state: await context.storageState(),
        pages: new Set(targets.map(withoutLocale)),
        forms: new Map(forms.map((target) => [withoutLocale(target), { submit, clear: false }])),
      };
      const failures: string[] = [];
      for (const locale of LOCALES)
        failures.push(...(await auditIn(prefix, served, entry, locale)));
      expect(failures).toEqual([]);
    },
    declare(served) {
      servedOf = served;
      describe(`${prefix}: every page met, in every language and both schemes`, () => {
        for (const locale of LOCALES) {
          it(`has no axe violations in ${locale}`, async () => {
            expect(recorded.size, 'pages recorded by the tests above').toBeGreaterThan(0);
            const failures: string[] = [];
            for (const entry of recorded.values())
              failures.push(...(await auditIn(prefix, served(), entry, locale)));
            expect(failures).toEqual([]);
          });
        }
      });
    },
  };
}
