/** A browser reduced to cookies and forms, for HTTP journeys through app.inject. */
import type { TestApp } from './app.js';
import type { TestSmtpServer } from './smtp.js';

/** A browser's cookie jar, reduced to what these journeys need. */
export class FormBrowser {
  /** `ip` is the simulated client address (loopback range), so rate limits apply per browser. */
  constructor(
    private readonly app: TestApp,
    private readonly ip = '127.0.0.1',
  ) {}

  private cookies = new Map<string, string>();

  /** The Cookie header this browser sends. */
  cookieHeader(): string {
    return this.header();
  }

  private header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      const expired = attributes.some((attribute) =>
        /max-age=0|expires=thu, 01 jan 1970/i.test(attribute.trim()),
      );
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  async get(url: string) {
    const response = await this.app.http.inject({
      url,
      remoteAddress: this.ip,
      headers: { cookie: this.header() },
    });
    this.keep(response.headers['set-cookie']);
    return response;
  }

  /** Opens the form at `url`, then posts `fields` with its CSRF token, as a browser would. */
  async submit(url: string, action: string, fields: Record<string, string | readonly string[]>) {
    const form = await this.get(url);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const payload = new URLSearchParams({ _csrf: csrf });
    // A list is sent as the same name repeated, as checkboxes are.
    for (const [name, value] of Object.entries(fields))
      for (const item of [value].flat()) payload.append(name, item);
    const response = await this.app.http.inject({
      method: 'POST',
      url: action,
      remoteAddress: this.ip,
      headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: payload.toString(),
    });
    this.keep(response.headers['set-cookie']);
    return response;
  }

  /** Opens the form at `url`, then posts `fields` and one file as multipart/form-data, as a browser would. */
  async upload(
    url: string,
    action: string,
    fields: Record<string, string>,
    file: { name: string; filename: string; type: string; content: Buffer | string },
  ) {
    const form = await this.get(url);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const boundary = '----hrcn-form-boundary';
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const payload = Buffer.concat([
      Buffer.from(
        [['_csrf', csrf], ...Object.entries(fields)]
          .map(([name, value]) => part(name ?? '', value ?? ''))
          .join(''),
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await this.app.http.inject({
      method: 'POST',
      url: action,
      remoteAddress: this.ip,
      headers: {
        cookie: this.header(),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    this.keep(response.headers['set-cookie']);
    return response;
  }

  /** Posts a body exactly as given (of any type, broken or not), with this browser's cookies. */
  async post(url: string, contentType: string, payload: string | Buffer) {
    const response = await this.app.http.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      headers: { cookie: this.header(), 'content-type': contentType },
      payload,
    });
    this.keep(response.headers['set-cookie']);
    return response;
  }

  has(cookie: string): boolean {
    return this.cookies.has(cookie);
  }
}

/** The path and query of the first link to `path` in a message's text. */
export const linkIn = (text: string | undefined, path: string): string => {
  const match = new RegExp(`https?://[^\\s]+${path}\\?token=[^\\s]+`).exec(text ?? '');
  return (
    new URL(match?.[0] ?? 'http://missing/').pathname +
    new URL(match?.[0] ?? 'http://missing/').search
  );
};

/**
 * A person who signs up, confirms their address through the e-mailed link (read from `smtp`), and
 * signs in; their password is "<name> has a long passphrase".
 */
export async function signUpAndSignIn(
  app: TestApp,
  smtp: TestSmtpServer,
  person: { name: string; email: string },
  ip: string,
): Promise<FormBrowser> {
  const browser = new FormBrowser(app, ip);
  const password = `${person.name} has a long passphrase`;
  await browser.submit('/en/sign-up', '/en/sign-up', {
    ...person,
    password,
    passwordConfirmation: password,
    consent: 'yes',
  });
  const mail = smtp.received.findLast(
    (message) => message.to && JSON.stringify(message.to).includes(person.email),
  );
  await browser.get(linkIn(mail?.text, '/en/verify-email'));
  await browser.submit('/en/sign-in', '/en/sign-in', { email: person.email, password });
  const account = await browser.get('/en/account');
  if (account.statusCode !== 200) throw new Error(`not signed in: ${account.statusCode}`);
  return browser;
}

/** The current code of an authenticator app holding the key of `totpUri`. */
export async function totpCode(totpUri: string): Promise<string> {
  const { base32 } = await import('@better-auth/utils/base32');
  const { createOTP } = await import('@better-auth/utils/otp');
  const secret = new URL(totpUri).searchParams.get('secret') ?? '';
  return createOTP(base32.decode(secret)).totp();
}

/**
 * Turns on two-factor sign-in for the signed-in person of `browser`, as they would with an
 * authenticator app; returns the TOTP URI (the app's key) and the recovery codes.
 */
export async function turnOnTwoFactor(
  browser: FormBrowser,
  password: string,
  locale = 'en',
): Promise<{ totpUri: string; recoveryCodes: string[] }> {
  const setup = await browser.submit(
    `/${locale}/account/two-factor`,
    `/${locale}/account/two-factor/start`,
    { password },
  );
  const totpUri = (/name="totpUri" value="([^"]+)"/.exec(setup.body)?.[1] ?? '').replaceAll(
    '&amp;',
    '&',
  );
  const recoveryCodes = [...setup.body.matchAll(/<li><code>([^<]+)<\/code><\/li>/g)].map(
    (match) => match[1] ?? '',
  );
  const confirmed = await browser.submit(
    `/${locale}/account/two-factor`,
    `/${locale}/account/two-factor/confirm`,
    {
      totpUri,
      code: await totpCode(totpUri),
    },
  );
  if (confirmed.statusCode !== 200)
    throw new Error(`two-factor set-up failed: ${confirmed.statusCode}`);
  return { totpUri, recoveryCodes };
}

/**
 * An administrator (who edits too) signed in with two-factor sign-in on, through the one-time
 * set-up link, as a fresh deployment's first person would be.
 */
export async function signInAsAdministrator(
  app: TestApp,
  ip = '127.0.0.2',
  person = { name: 'Erika Editor', email: 'erika@example.org' },
): Promise<FormBrowser> {
  const browser = new FormBrowser(app, ip);
  const setup = new URL((await app.access.issueSetupLink('en')).url).pathname;
  const password = 'the editor-in-chief passphrase';
  await browser.submit(setup, setup, { ...person, password, passwordConfirmation: password });
  await browser.submit('/en/sign-in', '/en/sign-in', { email: person.email, password });
  await turnOnTwoFactor(browser, password);
  return browser;
}
