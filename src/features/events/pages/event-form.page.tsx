/**
 * The organisers' event form, one language at a time: in the event's original language its text
 * and its facts (times typed in the event's own zone, place, online link, registration), in any
 * other its text alone. Then its life: publish, postpone or cancel with a reason, close.
 */
import { endonym, languageName } from '../../../platform/i18n/names.js';
import { PageHeader } from '../../../ui/components/content.js';
import { Csrf, ErrorSummary, errorsInOrder, type FormValues } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { MessageKey } from '../../../ui/messages.js';
import type { EditableEvent } from '../editing.repository.js';
import { EVENT_FORM_FIELDS } from '../events.schemas.js';
import { localOf } from '../local-time.js';
import { questionValues } from '../questions.js';
import { QuestionFields } from './event-questions.fields.js';
import { EventLifeCycle } from './event-life.js';
import { FactFields, TextFields, VocabularyFields, type EventFormState } from './event.fields.js';

export type { EventFormState } from './event.fields.js';

/** The zone a new event starts with: the network's home. */
export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

/** The form's values for a stored event, in one language. */
export function eventValues(event: EditableEvent | null): FormValues {
  if (!event)
    return {
      timeZone: DEFAULT_TIME_ZONE,
      access: 'public',
      registration: 'open',
      eligibility: 'anyone',
    };
  const local = (at: Date | null) => (at ? localOf(at, event.timeZone) : '');
  return {
    title: event.text?.title ?? '',
    summary: event.text?.summary ?? '',
    description: event.text?.description ?? '',
    translationStatus: event.text?.status === 'needs-review' ? 'needs-review' : 'reviewed',
    slug: event.slug,
    kind: event.kind,
    access: event.access,
    timeZone: event.timeZone,
    startsAt: local(event.startsAt),
    endsAt: local(event.endsAt),
    place: event.place,
    city: event.city,
    country: event.country ?? '',
    latitude: event.latitude === null ? '' : String(event.latitude),
    longitude: event.longitude === null ? '' : String(event.longitude),
    onlineUrl: event.onlineUrl ?? '',
    roomDetails: event.roomDetails,
    speakers: event.speakers.join('\n'),
    themes: event.themes,
    sdgs: event.sdgs.map(String),
    rights: event.rights.map(String),
    countries: event.countries,
    registration: event.registration,
    registrationClosesAt: local(event.registrationClosesAt),
    capacity: event.capacity === null ? '' : String(event.capacity),
    eligibility: event.eligibility,
    invitedOrganisations: event.invitedOrganisations,
    organisers: event.organisers,
    cancellationClosesAt: local(event.cancellationClosesAt),
    ...questionValues(event.questions),
  };
}

/** The heading: the event's title in the language written, or what it is being translated into. */
function formTitle(ctx: PageContext, event: EditableEvent | null, contentLocale: string): string {
  if (!event) return ctx.text('events.form.new');
  if (event.text) return ctx.text('events.form.edit', { title: event.text.title });
  const original = event.translations.find((entry) => entry.locale === event.originalLocale);
  return ctx.text('events.form.translate', {
    title: original?.title ?? event.slug,
    language: languageName(contentLocale, ctx.locale),
  });
}

export type EventFormNotice = 'saved' | 'status' | 'closed';

export function EventFormPage(props: {
  ctx: PageContext;
  csrfToken: string;
  contentLocale: string;
  contentLocales: readonly string[];
  event: EditableEvent | null;
  state: EventFormState;
  themes: readonly string[];
  countries: readonly string[];
  organisations: readonly { id: string; name: string }[];
  notice?: EventFormNotice;
}): JSX.Element {
  const { ctx, event, state, contentLocale } = props;
  const isOriginal = !event || event.originalLocale === contentLocale;
  const title = formTitle(ctx, event, contentLocale);
  const action = event
    ? ctx.href(`/editor/events/${event.id}?lang=${contentLocale}`)
    : ctx.href(`/editor/events/new?lang=${contentLocale}`);
  const lang = contentLocale !== ctx.locale ? contentLocale : undefined;
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[
        { label: ctx.text('editor.title'), href: ctx.href('/editor') },
        { label: ctx.text('events.editor.title'), href: ctx.href('/editor/events') },
      ]}
    >
      <PageHeader title={title} />
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t(`events.editor.notice.${props.notice}` as MessageKey)}
        </p>
      ) : (
        ''
      )}
      {event ? (
        <EventLifeCycle ctx={ctx} event={event} csrfToken={props.csrfToken} errors={state.errors} />
      ) : (
        ''
      )}
      <nav aria-labelledby="languages-title" class="languages">
        <h2 id="languages-title">{ctx.t('editor.languages.title')}</h2>
        <ul class="inline-list">
          {props.contentLocales.map((locale) => {
            const translation = event?.translations.find((entry) => entry.locale === locale);
            const status = ctx.text(
              translation
                ? (`editor.translation.${translation.status}` as MessageKey)
                : 'editor.translation.missing',
            );
            const label = (
              <>
                <span lang={locale} safe>
                  {endonym(locale)}
                </span>{' '}
                ({status})
              </>
            );
            return (
              <li>
                {locale === contentLocale ? (
                  <strong aria-current="page">{label}</strong>
                ) : event ? (
                  <a href={ctx.href(`/editor/events/${event.id}?lang=${locale}`)}>{label}</a>
                ) : (
                  <a href={ctx.href(`/editor/events/new?lang=${locale}`)}>{label}</a>
                )}
              </li>
            );
          })}
        </ul>
        {!event ? <p class="hint">{ctx.t('editor.languages.newHint')}</p> : ''}
      </nav>
      <ErrorSummary
        ctx={ctx}
        summary="events.errors.summary"
        errors={errorsInOrder(state.errors, [...EVENT_FORM_FIELDS])}
      />
      <form method="post" action={action} class="form editor-form" novalidate>
        <Csrf token={props.csrfToken} />
        <TextFields ctx={ctx} state={state} lang={lang} isOriginal={isOriginal} />
        {isOriginal ? (
          <>
            <FactFields
              ctx={ctx}
              state={state}
              countries={props.countries}
              organisations={props.organisations}
            />
            <QuestionFields ctx={ctx} state={state} />
          </>
        ) : (
          ''
        )}
        {isOriginal ? (
          <VocabularyFields
            ctx={ctx}
            state={state}
            themes={props.themes}
            countries={props.countries}
          />
        ) : (
          ''
        )}
        <div class="actions">
          <button type="submit">{ctx.t('events.editor.save')}</button>
        </div>
      </form>
    </Layout>
  );
}
