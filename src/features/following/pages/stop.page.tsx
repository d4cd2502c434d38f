/**
 * The page of a digest's "stop these e-mails" link: a button, so that a mail scanner opening the
 * link stops nothing (mail programs post to it at once: RFC 8058); then what was done.
 */
import { PageHeader } from '../../../ui/components/content.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';

export function StopPage(props: {
  ctx: PageContext;
  state: 'ask' | 'done' | 'unknown';
  /** The link's own address (the button posts there). */
  action: string;
  /** The kinds of news named, in the reader's language. */
  kinds: string;
}): JSX.Element {
  const { ctx } = props;
  const title = ctx.text('following.stop.title');
  return (
    <Layout ctx={ctx} title={title} indexable={false}>
      <PageHeader title={title} />
      {props.state === 'ask' ? (
        <form method="post" action={props.action} class="form">
          <p>{ctx.t('following.stop.ask', { kinds: props.kinds })}</p>
          <button type="submit">{ctx.t('following.stop.confirm')}</button>
        </form>
      ) : (
        <p role="status" class="notice">
          {props.state === 'done'
            ? ctx.t('following.stop.done', { kinds: props.kinds })
            : ctx.t('following.stop.unknown')}
        </p>
      )}
      {props.state === 'unknown' ? (
        ''
      ) : (
        <p>
          <a href={ctx.href('/account/notifications/settings')}>
            {ctx.t('following.stop.settings')}
          </a>
        </p>
      )}
    </Layout>
  );
}
