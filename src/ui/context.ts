/** What every page needs to know about the request it answers: language, path, assets. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Catalogue, MessageValues } from '../platform/i18n/catalogue.js';
import type { AssetManifest } from '../platform/http/assets.js';
import type { MessageKey } from './messages.js';
import { directionOf } from '../platform/i18n/direction.js';

export interface PageContext {
  locale: string;
  dir: 'ltr' | 'rtl';
  /** Formats a message as HTML-escaped text, for element content. */
  t(key: MessageKey, values?: MessageValues): JSX.Element;
  /** Formats a message as plain text, for attributes and `safe` elements (they escape it). */
  text(key: MessageKey, values?: MessageValues): string;
  /** The request path without the locale prefix, e.g. "/about/how-we-work" ("/" for home). */
  path: string;
  /** Query string including "?", or "" (kept by the language switcher). */
  search: string;
  assets: AssetManifest;
  /** Every supported locale, reference first. */
  locales: readonly string[];
  /** Public base address without trailing slash, for canonical and alternate links. */
  publicUrl: string;
  /** Who is signed in, or null. */
  viewer: { name: string } | null;
  /**
   * What a signed-in person follows and how many notifications they have not read, with the
   * token their follow buttons post; null for a visitor (their buttons lead to sign in).
   */
  following: FollowingState | null;
  /** Makes a locale-prefixed path: href('/knowledge') → '/fr/knowledge'. */
  href(path: string, locale?: string): string;
  /**
   * What the page being rendered has shown so far. ErrorSummary sets `errors`; the layout, which
   * renders after its children, then prefixes the title with "Error:" (GOV.UK's pattern), so that
   * a screen-reader user hears at once that the form came back.
   */
  rendered: { errors: boolean };
}

/** A signed-in person's follows, unread count and form token, read once per page. */
export interface FollowingState {
  topics: ReadonlySet<string>;
  unread: number;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for signed-in pages by the following feature; null otherwise. */
    following: FollowingState | null;
  }
}

export interface WebDeps {
  catalogue: Catalogue;
  assets: AssetManifest;
  publicUrl: string;
}

export { directionOf };

/** Splits "/fr/knowledge?x=1" into its locale (when supported) and the rest. */
export function splitLocale(
  url: string,
  catalogue: Catalogue,
): { locale: string | null; path: string; search: string } {
  const [pathname = '/', query] = url.split('?', 2);
  const match = /^\/([^/]+)(\/.*)?$/.exec(pathname);
  const candidate = match?.[1];
  if (candidate && catalogue.isSupported(candidate)) {
    return { locale: candidate, path: match?.[2] ?? '/', search: query ? `?${query}` : '' };
  }
  return { locale: null, path: pathname, search: query ? `?${query}` : '' };
}

/** Builds the page context of a request in the given locale. */
export function pageContext(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  locale: string,
): PageContext {
  const translator = deps.catalogue.translator(locale);
  const { path, search } = splitLocale(request.url, deps.catalogue);
  return {
    locale,
    dir: directionOf(locale),
    t: translator.html,
    text: translator.t,
    path,
    search,
    assets: deps.assets,
    locales: deps.catalogue.locales,
    publicUrl: deps.publicUrl,
    viewer: request.viewer ? { name: request.viewer.name } : null,
    following: request.following,
    href: (target, otherLocale = locale) =>
      `/${otherLocale}${target === '/' ? '/' : target.startsWith('/') ? target : `/${target}`}`,
    rendered: { errors: false },
  };
}
