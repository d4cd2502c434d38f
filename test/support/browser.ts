/** Debian's Chromium driven by playwright-core, and a test app listening on loopback. */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildTestApp, type TestApp } from './app.js';
import { totpCode } from './form-browser.js';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The flags Chromium needs here: no sandbox as root, and no calls to the network. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Launches Chromium; every page of it waits at most 15 s for an element or a navigation. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(15_000);
    return context;
  };
  return browser;
}

export interface ServedApp {
  app: TestApp;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real app on a fresh database, listening on a free port of 127.0.0.1. */
export async function serveTestApp(
  overrides: Parameters<typeof buildTestApp>[0] = {},
): Promise<ServedApp> {
  const app = await buildTestApp(overrides);
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.http.server.address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** Where journeys leave their screenshots, for people to look at. */
export const SCREENSHOTS = path.resolve('test-results/screenshots');
/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Signs in through the English sign-in form. */
export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/en/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.locator('main button[type=submit]').click();
}

/**
 * A fresh deployment's first person, in the browser: the one-time set-up link, sign-in, and
 * two-factor sign-in turned on, as an administrator (who edits too) would do it.
 */
export async function becomeFirstAdministrator(
  page: Page,
  served: ServedApp,
  person: { name: string; email: string; password: string },
): Promise<void> {
  const setup = await served.app.access.issueSetupLink('en');
  await page.goto(setup.url.replace('http://localhost:3000', served.baseUrl));
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Repeat the password').fill(person.password);
  await page.locator('main button[type=submit]').click();
  await signInThroughForm(page, served.baseUrl, person.email, person.password);
  await page.waitForURL(/\/en\/account\/two-factor$/);
  await page.getByLabel('Your current password').fill(person.password);
  await page.locator('main button[type=submit]').click();
  const totpUri = await page.locator('input[name=totpUri]').inputValue();
  await page.getByLabel('Code from the app, or a recovery code').fill(await totpCode(totpUri));
  await page.locator('main button[type=submit]').click();
  await page.getByRole('status').waitFor();
}
