/** The one base layout: skip link, landmarks, language switcher, main navigation, footer. */
import type { PageContext } from '../context.js';
import type { MessageKey } from '../messages.js';
import { FeedLinks } from '../components/feed-links.js';
import { endonym } from '../../platform/i18n/names.js';
import { flatHtml } from '../render.js';

export interface Crumb {
  label: string;
  href: string;
}

export interface LayoutProps {
  ctx: PageContext;
  /** The page's own title, used in <title> (the page renders its own h1). */
  title: string;
  description?: string;
  /** Trail above the h1, home excluded. */
  crumbs?: readonly Crumb[];
  /** Set to false for pages that must not be indexed (set-up, errors). */
  indexable?: boolean;
  /** More of the page's head: feeds, Open Graph, schema.org. */
  head?: JSX.Element;
  children?: JSX.Element | JSX.Element[] | string;
}

const NAVIGATION: readonly { path: string; label: MessageKey }[] = [
  { path: '/about', label: 'common.nav.about' },
  { path: '/network', label: 'common.nav.network' },
  { path: '/cities', label: 'common.nav.cities' },
  { path: '/knowledge', label: 'common.nav.knowledge' },
  { path: '/news', label: 'common.nav.news' },
  { path: '/experts', label: 'common.nav.experts' },
  { path: '/events', label: 'common.nav.events' },
  { path: '/dialogue', label: 'common.nav.dialogue' },
];

function isCurrentSection(ctx: PageContext, path: string): boolean {
  return ctx.path === path || ctx.path.startsWith(`${path}/`);
}

function Logo(): JSX.Element {
  return (
    <svg
      class="brand-mark"
      viewBox="0 0 32 32"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="16" cy="16" r="15" fill="currentColor" />
      <path
        d="M8 22h16M10 22V13l6-4 6 4v9M14 22v-5h4v5"
        stroke="#fff"
        stroke-width="2"
        fill="none"
        stroke-linejoin="round"
      />
    </svg>
  );
}

/** The search field of every page's header (the search page has its own, larger one). */
function SiteSearch(props: { ctx: PageContext }): JSX.Element {
  const { ctx } = props;
  return (
    <form class="site-search" role="search" method="get" action={ctx.href('/search')}>
      <label for="site-search" class="visually-hidden">
        {ctx.t('common.search.label')}
      </label>
      <input id="site-search" name="q" type="search" />
      <button type="submit">{ctx.t('common.nav.search')}</button>
    </form>
  );
}

/** The main navigation, the section the page is in marked (exactly: 'page'; within it: 'true'). */
function MainNav(props: { ctx: PageContext; current: number; exact: boolean }): JSX.Element {
  const { ctx } = props;
  return (
    <nav class="main-nav" aria-label={ctx.text('common.nav.label')}>
      <ul class="wrap nav-list">
        {NAVIGATION.map((item, index) => (
          <li>
            <a
              href={ctx.href(item.path)}
              aria-current={index === props.current ? (props.exact ? 'page' : 'true') : undefined}
            >
              {ctx.t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Footer(props: { ctx: PageContext }): JSX.Element {
  const { ctx } = props;
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p>{ctx.t('common.footer.about')}</p>
        <ul class="footer-links">
          <li>
            <a href={ctx.href('/about/how-we-work')}>{ctx.t('common.nav.howWeWork')}</a>
          </li>
          <li>
            <a href={ctx.href('/about/who-we-are')}>{ctx.t('common.nav.whoWeAre')}</a>
          </li>
          <li>
            <a href={ctx.href('/knowledge/useful-links')}>{ctx.t('common.nav.usefulLinks')}</a>
          </li>
          <li>
            <a href={ctx.href('/newsletter')}>{ctx.t('newsletter.subscribe.title')}</a>
          </li>
          <li>
            <a href={ctx.href('/privacy')}>{ctx.t('common.nav.privacy')}</a>
          </li>
        </ul>
        <p class="footer-note">{ctx.t('common.footer.openSource')}</p>
      </div>
    </footer>
  );
}

/**
 * The parts of every page that depend on its language alone — the skip link, the brand, the
 * search field, the footer, and the main navigation for each section a page can be in — written
 * once per language (keyed by its translator, one per language) instead of on every page.
 */
interface FixedParts {
  skip: string;
  brand: string;
  search: string;
  footer: string;
  /** The main navigation per section a page is in ("2" within the third, "2=" on it). */
  nav: Map<string, string>;
}
const fixedParts = new WeakMap<PageContext['t'], FixedParts>();

function fixedPartsOf(ctx: PageContext): FixedParts {
  let parts = fixedParts.get(ctx.t);
  if (!parts) {
    parts = {
      skip: flatHtml(
        <a class="skip-link" href="#main">
          {ctx.t('common.skipToContent')}
        </a>,
      ),
      brand: flatHtml(
        <a class="brand" href={ctx.href('/')}>
          <Logo />
          <span safe>{ctx.text('common.site.name')}</span>
        </a>,
      ),
      search: flatHtml(<SiteSearch ctx={ctx} />),
      footer: flatHtml(<Footer ctx={ctx} />),
      nav: new Map(),
    };
    fixedParts.set(ctx.t, parts);
  }
  return parts;
}

/** The main navigation of a page at `ctx.path`, kept per language and section. */
function mainNav(ctx: PageContext): string {
  const current = NAVIGATION.findIndex((item) => isCurrentSection(ctx, item.path));
  const exact = current >= 0 && NAVIGATION[current]?.path === ctx.path;
  const key = `${current}${exact ? '=' : ''}`;
  const { nav } = fixedPartsOf(ctx);
  let html = nav.get(key);
  if (html === undefined)
    nav.set(key, (html = flatHtml(<MainNav ctx={ctx} current={current} exact={exact} />)));
  return html;
}

export function Layout(props: LayoutProps): JSX.Element {
  const { ctx } = props;
  const parts = fixedPartsOf(ctx);
  const siteName = ctx.text('common.site.name');
  const pageTitle = ctx.path === '/' ? siteName : `${props.title} · ${siteName}`;
  const fullTitle = ctx.rendered.errors
    ? ctx.text('common.errorTitle', { title: pageTitle })
    : pageTitle;
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.locale} dir={ctx.dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{fullTitle}</title>
          <meta
            name="description"
            content={props.description ?? ctx.text('common.site.description')}
          />
          <meta name="color-scheme" content="light dark" />
          {props.indexable === false ? <meta name="robots" content="noindex" /> : ''}
          <link rel="stylesheet" href={ctx.assets.url('site.css')} />
          <link rel="icon" href={ctx.assets.url('favicon.svg')} type="image/svg+xml" />
          <link rel="canonical" href={`${ctx.publicUrl}${ctx.href(ctx.path)}`} />
          {ctx.locales.map((locale) => (
            <link
              rel="alternate"
              hreflang={locale}
              href={`${ctx.publicUrl}${ctx.href(ctx.path, locale)}`}
            />
          ))}
          <link
            rel="alternate"
            hreflang="x-default"
            href={`${ctx.publicUrl}${ctx.path === '/' ? '/' : ctx.href(ctx.path, 'en')}`}
          />
          {props.head ?? ''}
          <FeedLinks ctx={ctx} path="/" title={`${ctx.text('common.feed.title')} · ${siteName}`} />
        </head>
        <body>
          {parts.skip}
          <header class="site-header">
            <div class="wrap header-top">
              {parts.brand}
              {ctx.path === '/search' ? '' : parts.search}
              <p class="account-link">
                {ctx.viewer ? (
                  <>
                    <a
                      href={ctx.href('/account/notifications')}
                      aria-current={ctx.path === '/account/notifications' ? 'page' : undefined}
                    >
                      {ctx.t('following.notifications.nav', {
                        count: ctx.following?.unread ?? 0,
                      })}
                    </a>{' '}
                    <a
                      href={ctx.href('/account')}
                      aria-current={ctx.path === '/account' ? 'page' : undefined}
                    >
                      {ctx.t('account.nav.account')}
                    </a>
                  </>
                ) : (
                  <a
                    href={ctx.href('/sign-in')}
                    aria-current={ctx.path === '/sign-in' ? 'page' : undefined}
                  >
                    {ctx.t('account.nav.signIn')}
                  </a>
                )}
              </p>
              <nav class="languages" aria-label={ctx.text('common.languages.label')}>
                <ul>
                  {ctx.locales.map((locale) => (
                    <li>
                      <a
                        href={`${ctx.href(ctx.path, locale)}${ctx.search}`}
                        hreflang={locale}
                        lang={locale}
                        aria-current={locale === ctx.locale ? 'true' : undefined}
                      >
                        {endonym(locale)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
            {mainNav(ctx)}
          </header>
          <main id="main" class="wrap" tabindex="-1">
            {props.crumbs && props.crumbs.length > 0 ? (
              <nav class="breadcrumbs" aria-label={ctx.text('common.breadcrumbs')}>
                <ol>
                  <li>
                    <a href={ctx.href('/')}>{ctx.t('common.nav.home')}</a>
                  </li>
                  {props.crumbs.map((crumb) => (
                    <li>
                      <a href={crumb.href} safe>
                        {crumb.label}
                      </a>
                    </li>
                  ))}
                </ol>
              </nav>
            ) : (
              ''
            )}
            {props.children}
          </main>
          {parts.footer}
        </body>
      </html>
    </>
  );
}
