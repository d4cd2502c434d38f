/** Debian's Chromium driven by playwright-core, and a test app listening on loopback. */
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { buildTestApp, type TestApp } from './app.js';

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
