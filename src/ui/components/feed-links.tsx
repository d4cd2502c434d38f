/** Tells feed readers where a page's Atom and RSS feeds are (`<path>/feed.atom|rss`). */
import type { PageContext } from '../context.js';

export function FeedLinks(props: {
  ctx: PageContext;
  /** The list's address without the locale; "/" for the site's own "what's new" feed. */
  path: string;
  title: string;
}): JSX.Element {
  const { ctx } = props;
  const base = props.path === '/' ? '' : props.path;
  return (
    <>
      <link
        rel="alternate"
        type="application/atom+xml"
        href={ctx.href(`${base}/feed.atom`)}
        title={props.title}
      />
      <link
        rel="alternate"
        type="application/rss+xml"
        href={ctx.href(`${base}/feed.rss`)}
        title={props.title}
      />
    </>
  );
}
