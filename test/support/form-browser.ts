/** A browser reduced to cookies and forms, for HTTP journeys through app.inject. */
import type { TestApp } from './app.js';

/** A browser's cookie jar, reduced to what these journeys need. */
export class FormBrowser {
  /** `ip` is the simulated client address (loopback range), so rate limits apply per browser. */
  constructor(
    private readonly app: TestApp,
    private readonly ip = '127.0.0.1',
  ) {}

  private cookies = new Map<string, string>();

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
  async submit(url: string, action: string, fields: Record<string, string>) {
    const form = await this.get(url);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const response = await this.app.http.inject({
      method: 'POST',
      url: action,
      remoteAddress: this.ip,
      headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
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
