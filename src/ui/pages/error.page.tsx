/** The localised error page: never shows internals, always offers a way on. */
import type { PageContext } from '../context.js';
import { PageHeader } from '../components/content.js';
import { Layout } from '../layout/layout.js';

export function ErrorPage(props: {
  ctx: PageContext;
  title: string;
  message: string;
  requestId?: string;
}): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title} indexable={false}>
      <PageHeader title={props.title} />
      <p safe>{props.message}</p>
      <ul class="error-actions">
        <li>
          <a href={ctx.href('/')}>{ctx.t('errors.backHome')}</a>
        </li>
        <li>
          <a href={ctx.href('/search')}>{ctx.t('errors.searchInstead')}</a>
        </li>
      </ul>
      {props.requestId ? (
        <p class="meta">
          <small>{ctx.t('errors.reference', { id: props.requestId })}</small>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
