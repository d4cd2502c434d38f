/**
 * How often a person wants each kind of news by e-mail: at most hourly, daily, weekly or never
 * (/account/notifications/settings); the notification page has everything either way.
 */
import { NEWS_CATEGORIES } from '../../../channels/kind.js';
import { PageHeader } from '../../../ui/components/content.js';
import { PostForm, Select } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import { CADENCES } from '../digests.service.js';

export function SettingsPage(props: {
  ctx: PageContext;
  csrfToken: string;
  cadences: Readonly<Record<string, string>>;
  saved?: boolean;
}): JSX.Element {
  const { ctx } = props;
  const title = ctx.text('following.settings.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[
        { label: ctx.text('account.account.title'), href: ctx.href('/account') },
        {
          label: ctx.text('following.notifications.title'),
          href: ctx.href('/account/notifications'),
        },
      ]}
    >
      <PageHeader title={title} lead={ctx.text('following.settings.lead')} />
      {props.saved ? (
        <p role="status" class="notice">
          {ctx.t('following.settings.saved')}
        </p>
      ) : (
        ''
      )}
      <PostForm action={ctx.href('/account/notifications/settings')} csrfToken={props.csrfToken}>
        <>
          {NEWS_CATEGORIES.map((category) => (
            <Select
              ctx={ctx}
              name={category}
              label={`following.category.${category}`}
              hint={`following.category.${category}.hint`}
              options={CADENCES.map((cadence) => ({
                value: cadence,
                label: ctx.text(`following.cadence.${cadence}`),
              }))}
              value={props.cadences[category]}
            />
          ))}
        </>
        <button type="submit">{ctx.t('following.settings.save')}</button>
      </PostForm>
    </Layout>
  );
}
