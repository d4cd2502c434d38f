/** The events section, until the events issue fills it. */
import { EmptyState, PageHeader } from '../../../ui/components/content.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';

export function EventsPage(props: { ctx: PageContext }): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('sections.events.title')}>
      <PageHeader
        title={ctx.text('sections.events.title')}
        lead={ctx.text('sections.events.lead')}
      />
      <EmptyState message={ctx.text('sections.events.empty')} />
    </Layout>
  );
}
