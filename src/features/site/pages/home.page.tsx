import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';

const DIMENSIONS = [
  'networking',
  'exchanging',
  'analysing',
  'monitoring',
  'disseminating',
] as const;

export function HomePage(props: { ctx: PageContext }): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('home.title')}>
      <header class="page-header hero">
        <h1>{ctx.t('home.title')}</h1>
        <p class="lead">{ctx.t('home.lead')}</p>
      </header>
      <section aria-labelledby="dimensions-title">
        <h2 id="dimensions-title">{ctx.t('home.dimensions.title')}</h2>
        <ul class="dimensions">
          {DIMENSIONS.map((dimension) => (
            <li>
              <h3>{ctx.t(`home.dimensions.${dimension}.title` as MessageKey)}</h3>
              <p>{ctx.t(`home.dimensions.${dimension}.text` as MessageKey)}</p>
            </li>
          ))}
        </ul>
      </section>
      <div class="panels">
        <section class="panel" aria-labelledby="knowledge-title">
          <h2 id="knowledge-title">{ctx.t('home.knowledge.title')}</h2>
          <p>{ctx.t('home.knowledge.text')}</p>
          <p>
            <a class="button" href={ctx.href('/knowledge')}>
              {ctx.t('home.knowledge.cta')}
            </a>
          </p>
        </section>
        <section class="panel" aria-labelledby="experts-title">
          <h2 id="experts-title">{ctx.t('home.experts.title')}</h2>
          <p>{ctx.t('home.experts.text')}</p>
          <p>
            <a class="button" href={ctx.href('/experts')}>
              {ctx.t('home.experts.cta')}
            </a>
          </p>
        </section>
        <section class="panel" aria-labelledby="join-title">
          <h2 id="join-title">{ctx.t('home.join.title')}</h2>
          <p>{ctx.t('home.join.text')}</p>
          <p>
            <a class="button" href={ctx.href('/about/who-we-are')}>
              {ctx.t('home.join.cta')}
            </a>
          </p>
        </section>
      </div>
    </Layout>
  );
}
