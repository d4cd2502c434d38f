import { FeedLinks } from '../../../ui/components/feed-links.js';
import type { LinkGroupView, PageView } from '../knowledge.repository.js';
import { KNOWLEDGE_SECTIONS, type KnowledgeSection } from '../knowledge.sections.js';
import type { OrganisationView } from '../../members/index.js';
import type { SdgView, ThemeView, UdhrText } from '../../vocabularies/index.js';
import {
  CardList,
  EmptyState,
  PageHeader,
  Prose,
  TranslationNotice,
} from '../../../ui/components/content.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';
import { ItemListing } from './items.page.js';
import { OrganisationList } from '../../members/index.js';
import { sectionTitle } from './labels.js';
import { FollowButton } from '../../../ui/components/follow.js';

export function KnowledgeIndexPage(props: {
  ctx: PageContext;
  intros: ReadonlyMap<string, PageView>;
}): JSX.Element {
  const { ctx } = props;
  return (
    <Layout
      ctx={ctx}
      title={ctx.text('knowledge.title')}
      head={<FeedLinks ctx={ctx} path="/knowledge" title={ctx.text('knowledge.title')} />}
    >
      <PageHeader title={ctx.text('knowledge.title')} lead={ctx.text('knowledge.lead')} />
      <nav aria-label={ctx.text('knowledge.sections.label')}>
        <CardList
          items={KNOWLEDGE_SECTIONS.map((section) => ({
            href: ctx.href(`/knowledge/${section}`),
            title: sectionTitle(ctx, section),
            text: props.intros.get(section)?.summary,
          }))}
        />
      </nav>
      <p>
        <a href={ctx.href('/api')}>{ctx.t('sections.api.title')}</a>
      </p>
    </Layout>
  );
}

/** What a section shows under its introduction. */
export type SectionContent =
  | { kind: 'framework'; udhr: UdhrText }
  | { kind: 'institutions'; organisations: readonly OrganisationView[] }
  | { kind: 'links'; directory: readonly LinkGroupView[] }
  | { kind: 'themes'; themes: readonly ThemeView[]; sdgs: readonly SdgView[] }
  | { kind: 'empty' };

/** The items a section lists, with the filter that chose them. */
export type SectionItems = Omit<Parameters<typeof ItemListing>[0], 'ctx'>;

export function KnowledgeSectionPage(props: {
  ctx: PageContext;
  section: KnowledgeSection;
  intro: PageView | null;
  content: SectionContent;
  items?: SectionItems;
}): JSX.Element {
  const { ctx, intro, content } = props;
  const title = sectionTitle(ctx, props.section);
  const introLang = intro && intro.locale !== ctx.locale ? intro.locale : undefined;
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={intro?.summary}
      crumbs={[{ label: ctx.text('knowledge.title'), href: ctx.href('/knowledge') }]}
      head={
        props.items ? (
          <FeedLinks ctx={ctx} path={`/knowledge/${props.section}`} title={title} />
        ) : undefined
      }
    >
      <PageHeader title={title} />
      <FollowButton ctx={ctx} topic={`section:${props.section}`} name={title} />
      {props.items ? <FilterFollow ctx={ctx} filter={props.items.filter} /> : ''}
      {intro ? (
        <>
          <TranslationNotice ctx={ctx} contentLocale={intro.locale} />
          <Prose markdown={intro.body} lang={introLang} />
        </>
      ) : (
        ''
      )}
      {content.kind === 'framework' ? <UdhrText ctx={ctx} udhr={content.udhr} /> : ''}
      {content.kind === 'institutions' ? (
        <OrganisationList ctx={ctx} organisations={content.organisations} headingLevel={2} />
      ) : (
        ''
      )}
      {content.kind === 'links' ? (
        <LinkDirectory ctx={ctx} groups={content.directory} level={2} />
      ) : (
        ''
      )}
      {content.kind === 'themes' ? (
        <Vocabularies ctx={ctx} themes={content.themes} sdgs={content.sdgs} />
      ) : (
        ''
      )}
      {props.items ? <ItemListing ctx={ctx} {...props.items} /> : ''}
      {content.kind === 'empty' && !props.items ? (
        <EmptyState message={ctx.text('common.comingSoon')} />
      ) : (
        ''
      )}
    </Layout>
  );
}

function UdhrText(props: { ctx: PageContext; udhr: UdhrText }): JSX.Element {
  const { ctx, udhr } = props;
  const lang = udhr.lang === ctx.locale ? undefined : udhr.lang;
  return (
    <section class="udhr" aria-labelledby="udhr-title" lang={lang}>
      <h2 id="udhr-title" safe>
        {udhr.title}
      </h2>
      <p>{ctx.t('knowledge.udhr.intro')}</p>
      <nav aria-labelledby="udhr-contents">
        <h3 id="udhr-contents">{ctx.t('knowledge.udhr.contents')}</h3>
        <ol class="udhr-contents">
          {udhr.articles.map((article) => (
            <li>
              <a href={`#article-${article.number}`}>{String(article.number)}</a>
            </li>
          ))}
        </ol>
      </nav>
      <h3 safe>{udhr.preambleTitle}</h3>
      <div class="prose">{udhr.preambleHtml}</div>
      {udhr.articles.map((article) => (
        <article id={`article-${article.number}`} class="udhr-article">
          <h3 safe>{article.title}</h3>
          <div class="prose">{article.html}</div>
          <FollowButton
            ctx={ctx}
            topic={`udhr:${article.number}`}
            name={ctx.text('following.topic.udhr', { number: article.number })}
            quiet
          />
        </article>
      ))}
      <p class="meta">
        <small>{ctx.t('knowledge.udhr.source')}</small>
      </p>
    </section>
  );
}

function LinkDirectory(props: {
  ctx: PageContext;
  groups: readonly LinkGroupView[];
  level: 2 | 3 | 4;
}): JSX.Element {
  const { ctx } = props;
  const Heading = `h${props.level}` as const;
  return (
    <>
      {props.groups.map((group) => (
        <section class="link-group" aria-labelledby={`links-${group.key}`}>
          <Heading id={`links-${group.key}`} safe>
            {group.title}
          </Heading>
          {group.links.length > 0 ? (
            <ol class="links">
              {group.links.map((link) =>
                link.url ? (
                  <li>
                    <a href={link.url} rel="noopener" safe>
                      {link.title}
                    </a>
                  </li>
                ) : (
                  <li>
                    <span safe>{link.title}</span>{' '}
                    <small class="pending">({ctx.t('knowledge.links.toComplete')})</small>
                  </li>
                ),
              )}
            </ol>
          ) : (
            ''
          )}
          {group.groups.length > 0 ? (
            <LinkDirectory ctx={ctx} groups={group.groups} level={props.level === 2 ? 3 : 4} />
          ) : (
            ''
          )}
        </section>
      ))}
    </>
  );
}

/** Follow what the list is filtered by: a theme, an SDG, a UDHR article. */
function FilterFollow(props: { ctx: PageContext; filter: SectionItems['filter'] }): JSX.Element {
  const { ctx, filter } = props;
  return (
    <>
      {filter.theme ? (
        <FollowButton
          ctx={ctx}
          topic={`theme:${filter.theme}`}
          name={ctx.text(`vocabularies.theme.${filter.theme}` as MessageKey)}
        />
      ) : (
        ''
      )}
      {filter.sdg ? (
        <FollowButton
          ctx={ctx}
          topic={`sdg:${filter.sdg}`}
          name={ctx.text('following.topic.sdg', {
            number: filter.sdg,
            name: ctx.text(`vocabularies.sdg.${filter.sdg}` as MessageKey),
          })}
        />
      ) : (
        ''
      )}
      {filter.right ? (
        <FollowButton
          ctx={ctx}
          topic={`udhr:${filter.right}`}
          name={ctx.text('following.topic.udhr', { number: filter.right })}
        />
      ) : (
        ''
      )}
    </>
  );
}

function Vocabularies(props: {
  ctx: PageContext;
  themes: readonly ThemeView[];
  sdgs: readonly SdgView[];
}): JSX.Element {
  const { ctx } = props;
  const families = [
    { family: 'rights', title: ctx.t('knowledge.themes.rights') },
    { family: 'thematic-city', title: ctx.t('knowledge.themes.thematicCity') },
  ];
  return (
    <>
      {families.map(({ family, title }) => (
        <section aria-labelledby={`themes-${family}`}>
          <h2 id={`themes-${family}`}>{title}</h2>
          <ul class="themes">
            {props.themes
              .filter((theme) => theme.family === family)
              .map((theme) => (
                <li>
                  <a href={ctx.href(`/knowledge/thematic-issues?theme=${theme.key}`)}>
                    {ctx.t(`vocabularies.theme.${theme.key}` as MessageKey)}
                  </a>
                </li>
              ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="sdgs-title">
        <h2 id="sdgs-title">{ctx.t('knowledge.sdgs.title')}</h2>
        <ol class="sdgs">
          {props.sdgs.map((goal) => (
            <li class={`sdg-${goal.number}`}>
              <span class="number">{String(goal.number)}</span>{' '}
              <a href={ctx.href(`/knowledge/thematic-issues?sdg=${goal.number}`)}>
                {ctx.t(`vocabularies.sdg.${goal.number}` as MessageKey)}
              </a>{' '}
              <small class="meta">
                ({ctx.t('knowledge.sdgs.targets', { count: goal.targets.length })})
              </small>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
