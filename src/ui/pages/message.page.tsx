/** Pages any feature may answer with: what happened, and what a visitor may not see. */
import { PageHeader } from '../components/content.js';
import type { PageContext } from '../context.js';
import { Layout } from '../layout/layout.js';
import type { MessageKey } from '../messages.js';

/** A page that says what happened, with an optional way on. */
export function MessagePage(props: {
  ctx: PageContext;
  title: MessageKey;
  message: string;
  link?: { href: string; label: MessageKey };
}): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text(props.title)} indexable={false}>
      <PageHeader title={ctx.text(props.title)} />
      <p role="status" safe>
        {props.message}
      </p>
      {props.link ? (
        <p>
          <a href={props.link.href}>{ctx.t(props.link.label)}</a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** What a visitor sees of a members-only page: that it exists for members, and how to get in. */
export function MembersTeaserPage(props: { ctx: PageContext }): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('common.membersOnly.title')} indexable={false}>
      <PageHeader
        title={ctx.text('common.membersOnly.title')}
        lead={ctx.text('common.membersOnly.text')}
      />
      <p>
        <a class="button" href={ctx.href('/sign-in')}>
          {ctx.t('account.nav.signIn')}
        </a>{' '}
        <a href={ctx.href('/network/apply')}>{ctx.t('membership.apply.title')}</a>
      </p>
    </Layout>
  );
}
