import type { PageView } from '../knowledge.repository.js';
import { CardList, PageHeader, Prose, TranslationNotice } from '../../../ui/components/content.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout, type Crumb } from '../../../ui/layout/layout.js';

export function AboutIndexPage(props: {
  ctx: PageContext;
  pages: readonly PageView[];
}): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('sections.about.title')}>
      <PageHeader title={ctx.text('sections.about.title')} lead={ctx.text('sections.about.lead')} />
      <CardList
        items={props.pages.map((page) => ({
          href: ctx.href(`/about/${page.slug}`),
          title: page.title,
          text: page.summary,
        }))}
      />
    </Layout>
  );
}

/** An editable page of content (Markdown), with a notice when shown in a fallback language. */
export function ContentPage(props: {
  ctx: PageContext;
  page: PageView;
  crumbs: readonly Crumb[];
}): JSX.Element {
  const { ctx, page } = props;
  const lang = page.locale === ctx.locale ? undefined : page.locale;
  return (
    <Layout
      ctx={ctx}
      title={page.title}
      description={page.summary || undefined}
      crumbs={props.crumbs}
    >
      <TranslationNotice ctx={ctx} contentLocale={page.locale} />
      <PageHeader title={page.title} lead={page.summary} lang={lang} />
      <Prose markdown={page.body} lang={lang} />
      <p class="meta">
        <small>{ctx.t('common.lastUpdated', { date: page.updatedAt })}</small>
      </p>
    </Layout>
  );
}
