/**
 * A browser reduced to cookies and forms, over real HTTP (fetch): for journeys across processes,
 * where each request may go to a different address (a load balancer, or one instance directly).
 */

/** An answer read to its end: status, headers and body. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: string;
  bytes: Buffer;
}

export class HttpBrowser {
  private readonly cookies = new Map<string, string>();

  /** `base` is where requests go unless one names another address. */
  constructor(
    readonly base: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      const expired = attributes.some((attribute) =>
        /max-age=0|expires=thu, 01 jan 1970/i.test(attribute.trim()),
      );
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  /** Sends one request with this browser's cookies, following no redirect. */
  async request(
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
    base = this.base,
  ): Promise<HttpAnswer> {
    const response = await fetch(new URL(path, base), {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...this.extraHeaders, cookie: this.cookieHeader(), ...init.headers },
      // A Buffer is a Uint8Array, which fetch sends as it is.
      body: typeof init.body === 'string' ? init.body : init.body && new Uint8Array(init.body),
    });
    this.keep(response.headers);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body: bytes.toString(), bytes };
  }

  get(path: string, base = this.base): Promise<HttpAnswer> {
    return this.request(path, {}, base);
  }

  /** Opens the form at `path`, then posts `fields` with its CSRF token, as a browser would. */
  async submit(
    path: string,
    action: string,
    fields: Record<string, string>,
    base = this.base,
  ): Promise<HttpAnswer> {
    const form = await this.get(path, base);
    const payload = new URLSearchParams({ _csrf: csrfOf(form.body), ...fields });
    return this.request(
      action,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: payload.toString(),
      },
      base,
    );
  }

  /** Opens the form at `path`, then posts `fields` and one file as multipart/form-data. */
  async upload(
    path: string,
    action: string,
    fields: Record<string, string>,
    file: { name: string; filename: string; type: string; content: Buffer },
    base = this.base,
  ): Promise<HttpAnswer> {
    const form = await this.get(path, base);
    const boundary = '----hrcn-http-boundary';
    const part = ([name, value]: [string, string]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = Buffer.concat([
      Buffer.from(
        [['_csrf', csrfOf(form.body)] as [string, string], ...Object.entries(fields)]
          .map(part)
          .join(''),
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.request(
      action,
      {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
      },
      base,
    );
  }
}

/** The CSRF token of the first form on a page. */
export const csrfOf = (html: string): string =>
  /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
