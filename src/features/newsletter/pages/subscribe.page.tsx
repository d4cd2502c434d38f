/**
 * The reader's pages of the newsletter: subscribing (a visitor's form with consent, or a
 * signed-in person's opt-in with their account's address), the page an e-mailed confirmation
 * link opens (a button, so that a mail scanner confirms nothing), and the unsubscribe page.
 */
import { endonym, languageName } from '../../../platform/i18n/names.js';
import { PageHeader } from '../../../ui/components/content.js';
import { FeedLinks } from '../../../ui/components/feed-links.js';
import {
  Checkbox,
  Csrf,
  ErrorSummary,
  Field,
  PostForm,
  Select,
  errorsInOrder,
  textValue,
  type FormValues,
} from '../../../ui/components/form.js';
import type { Option } from '../../../ui/components/choices.js';
import { ThemeCheckboxes } from '../../../ui/components/vocabulary-fields.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import { SUBSCRIBE_FIELDS } from '../newsletter.schemas.js';
import type { Subscriber } from '../subscribers.repository.js';

export function SubscribePage(props: {
  ctx: PageContext;
  csrfToken: string;
  values: FormValues;
  errors: Record<string, string>;
  themes: readonly Option[];
  /** The signed-in person's address and subscription; null for a visitor. */
  account: { email: string; subscription: Subscriber | null } | null;
  notice?: 'subscribed' | 'unsubscribed';
}): JSX.Element {
  const { ctx, values, errors, account } = props;
  const title = ctx.text('newsletter.subscribe.title');
  const subscribed = account?.subscription?.status === 'confirmed';
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={ctx.text('newsletter.subscribe.lead')}
      head={
        <FeedLinks
          ctx={ctx}
          path="/newsletter/archive"
          title={ctx.text('newsletter.archive.feedTitle')}
        />
      }
    >
      <ErrorSummary
        ctx={ctx}
        summary="newsletter.errors.summary"
        errors={errorsInOrder(errors, SUBSCRIBE_FIELDS)}
      />
      <PageHeader title={title} lead={ctx.text('newsletter.subscribe.lead')} />
      <p>
        <a href={ctx.href('/newsletter/archive')}>{ctx.t('newsletter.archive.link')}</a>
      </p>
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t(
            props.notice === 'subscribed'
              ? 'newsletter.account.subscribed'
              : 'newsletter.account.unsubscribed',
          )}
        </p>
      ) : (
        ''
      )}
      {account ? (
        <PostForm action={ctx.href('/newsletter/account')} csrfToken={props.csrfToken}>
          <p safe>
            {ctx.text(subscribed ? 'newsletter.account.receiving' : 'newsletter.account.offer', {
              email: account.email,
              language: languageName(ctx.locale, ctx.locale),
            })}
          </p>
          <ThemeCheckboxes
            ctx={ctx}
            legend="newsletter.field.themes"
            values={{ themes: account.subscription?.themes ?? [] }}
            themes={props.themes}
          />
          <p class="hint">{ctx.t('newsletter.field.themesHint')}</p>
          <button type="submit" name="subscribe" value="yes">
            {ctx.t(subscribed ? 'newsletter.account.update' : 'newsletter.account.subscribe')}
          </button>{' '}
          {subscribed ? (
            <button type="submit" name="subscribe" value="no" class="secondary">
              {ctx.t('newsletter.account.stop')}
            </button>
          ) : (
            ''
          )}
        </PostForm>
      ) : (
        <PostForm action={ctx.href('/newsletter/subscribe')} csrfToken={props.csrfToken}>
          <Field
            ctx={ctx}
            name="email"
            label="newsletter.field.email"
            type="email"
            autocomplete="email"
            value={textValue(values, 'email')}
            error={errors.email}
          />
          <Select
            ctx={ctx}
            name="locale"
            label="newsletter.field.locale"
            options={ctx.locales.map((locale) => ({ value: locale, label: endonym(locale) }))}
            value={textValue(values, 'locale') || ctx.locale}
            error={errors.locale}
          />
          <ThemeCheckboxes
            ctx={ctx}
            legend="newsletter.field.themes"
            values={values}
            themes={props.themes}
            error={errors.themes}
          />
          <p class="hint">{ctx.t('newsletter.field.themesHint')}</p>
          <Checkbox
            ctx={ctx}
            name="consent"
            label="newsletter.field.consent"
            checked={textValue(values, 'consent') === 'yes'}
            link={{ href: ctx.href('/privacy'), label: 'newsletter.field.consentLink' }}
            error={errors.consent}
          />
          {/* People never see this field; scripts fill it in. */}
          <div class="visually-hidden" aria-hidden="true">
            <label for="website">{ctx.t('newsletter.field.leaveEmpty')}</label>
            <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
          </div>
          <button type="submit">{ctx.t('newsletter.subscribe.submit')}</button>
        </PostForm>
      )}
    </Layout>
  );
}

/** The page of a confirmation link: one button. */
export function ConfirmPage(props: {
  ctx: PageContext;
  csrfToken: string;
  action: string;
}): JSX.Element {
  const { ctx } = props;
  const title = ctx.text('newsletter.confirm.title');
  return (
    <Layout ctx={ctx} title={title} indexable={false}>
      <PageHeader title={title} lead={ctx.text('newsletter.confirm.lead')} />
      <form method="post" action={props.action} class="form">
        <Csrf token={props.csrfToken} />
        <button type="submit">{ctx.t('newsletter.confirm.submit')}</button>
      </form>
    </Layout>
  );
}

/** The page of an issue's "unsubscribe" link: a button, then what was done. */
export function UnsubscribePage(props: {
  ctx: PageContext;
  action: string;
  state: 'ask' | 'done' | 'unknown';
}): JSX.Element {
  const { ctx } = props;
  const title = ctx.text('newsletter.unsubscribe.title');
  return (
    <Layout ctx={ctx} title={title} indexable={false}>
      <PageHeader title={title} />
      {props.state === 'ask' ? (
        <form method="post" action={props.action} class="form">
          <p>{ctx.t('newsletter.unsubscribe.ask')}</p>
          <button type="submit">{ctx.t('newsletter.unsubscribe.confirm')}</button>
        </form>
      ) : (
        <p role="status" class="notice">
          {props.state === 'done'
            ? ctx.t('newsletter.unsubscribe.done')
            : ctx.t('newsletter.unsubscribe.unknown')}
        </p>
      )}
    </Layout>
  );
}
