/** The Experts' facility's front page: how a question is answered, and where to ask. */
import { PageHeader } from '../../../ui/components/content.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';

export function ExpertsPage(props: { ctx: PageContext }): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('sections.experts.title')}>
      <PageHeader
        title={ctx.text('sections.experts.title')}
        lead={ctx.text('sections.experts.lead')}
      />
      <h2>{ctx.t('sections.experts.how.title')}</h2>
      <ol class="steps">
        <li>{ctx.t('sections.experts.how.ask')}</li>
        <li>{ctx.t('sections.experts.how.assign')}</li>
        <li>{ctx.t('sections.experts.how.answer')}</li>
        <li>{ctx.t('sections.experts.how.publish')}</li>
      </ol>
      <p>
        <a class="button" href={ctx.href('/experts/ask')}>
          {ctx.t('experts.ask.title')}
        </a>{' '}
        <a href={ctx.href('/experts/answers')}>{ctx.t('experts.answers.nav')}</a>
      </p>
    </Layout>
  );
}
