/**
 * An event's registrants for its organisers: who has a place and who waits, who came (ticked
 * after the event), the list as a spreadsheet, and a message to them.
 */
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import { PageHeader } from '../../../ui/components/content.js';
import {
  Csrf,
  ErrorSummary,
  Field,
  Select,
  TextArea,
  errorsInOrder,
  textValue,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { MessageKey } from '../../../ui/messages.js';
import type { EditableEvent } from '../editing.repository.js';
import { answerShown } from '../questions.js';
import type { Registrant } from '../registrations.repository.js';
import type { EventFormState } from './event.fields.js';

export type RegistrantsNotice = 'attendance' | 'sent';

export function RegistrantsPage(props: {
  ctx: PageContext;
  csrfToken: string;
  event: EditableEvent;
  registrants: readonly Registrant[];
  /** The message form, as typed when it came back with problems. */
  message: EventFormState;
  notice?: { kind: RegistrantsNotice; count: number; refused: number };
}): JSX.Element {
  const { ctx, event, registrants } = props;
  const name = event.text?.title ?? event.slug;
  const title = ctx.text('events.registrants.title', { title: name });
  const base = `/editor/events/${event.id}`;
  const when = dateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const words = { yes: ctx.text('events.registrants.yes'), no: ctx.text('events.registrants.no') };
  const { values, errors } = props.message;
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[
        { label: ctx.text('editor.title'), href: ctx.href('/editor') },
        { label: ctx.text('events.editor.title'), href: ctx.href('/editor/events') },
        { label: name, href: ctx.href(base) },
      ]}
    >
      <PageHeader title={title} />
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t(`events.registrants.notice.${props.notice.kind}` as MessageKey, {
            count: props.notice.count,
          })}
        </p>
      ) : (
        ''
      )}
      {props.notice?.refused ? (
        <p role="alert" class="field-error">
          {ctx.t('events.registrants.notice.refused', { count: props.notice.refused })}
        </p>
      ) : (
        ''
      )}
      <p>
        {ctx.t('events.life.registrants', { confirmed: event.confirmed, waiting: event.waiting })}{' '}
        <a href={ctx.href(`${base}/registrants.csv`)} download="registrants.csv">
          {ctx.t('events.registrants.csv')}
        </a>
      </p>
      {registrants.length > 0 ? (
        <form method="post" action={ctx.href(`${base}/attendance`)} novalidate>
          <Csrf token={props.csrfToken} />
          <div
            class="table-scroll"
            tabindex="0"
            role="region"
            aria-label={ctx.text('events.registrants.caption')}
          >
            <table>
              <caption>{ctx.t('events.registrants.caption')}</caption>
              <thead>
                <tr>
                  {(
                    [
                      'events.registrants.column.attended',
                      'events.registrants.column.name',
                      'events.registrants.column.email',
                      'events.registrants.column.status',
                      'events.registrants.column.registeredAt',
                    ] as const
                  ).map((key) => (
                    <th scope="col">{ctx.t(key)}</th>
                  ))}
                  {event.questions.map((question) => (
                    <th scope="col" lang={event.originalLocale} safe>
                      {question.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {registrants.map((person) => (
                  <tr>
                    <td>
                      {person.status === 'confirmed' ? (
                        <>
                          <input
                            type="checkbox"
                            id={`attended-${person.id}`}
                            name="attended"
                            value={person.id}
                            checked={person.attended === true}
                          />
                          <label for={`attended-${person.id}`} class="visually-hidden">
                            {ctx.t('events.registrants.came', { name: person.name })}
                          </label>
                        </>
                      ) : (
                        ''
                      )}
                    </td>
                    <td safe>{person.name}</td>
                    <td safe>{person.email}</td>
                    <td>{ctx.t(`events.registrants.status.${person.status}` as MessageKey)}</td>
                    <td>
                      <time datetime={person.registeredAt.toISOString()}>
                        {when.format(person.registeredAt)}
                      </time>
                    </td>
                    {event.questions.map((question) => (
                      <td safe>{answerShown(question, person.answers, words)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="actions">
            <button type="submit">{ctx.t('events.registrants.saveAttendance')}</button>
          </div>
        </form>
      ) : (
        <p>{ctx.t('events.registrants.empty')}</p>
      )}
      <section aria-labelledby="message-title">
        <h2 id="message-title">{ctx.t('events.registrants.message.title')}</h2>
        <ErrorSummary
          ctx={ctx}
          summary="events.registrants.message.errors"
          errors={errorsInOrder(errors, ['audience', 'subject', 'body'])}
        />
        <form method="post" action={ctx.href(`${base}/message`)} class="form" novalidate>
          <Csrf token={props.csrfToken} />
          <Select
            ctx={ctx}
            name="audience"
            label="events.registrants.message.audience"
            options={[
              { value: 'confirmed', label: ctx.text('events.registrants.message.confirmed') },
              { value: 'all', label: ctx.text('events.registrants.message.all') },
            ]}
            value={textValue(values, 'audience')}
            error={errors.audience}
          />
          <Field
            ctx={ctx}
            name="subject"
            label="events.registrants.message.subject"
            type="text"
            autocomplete="off"
            value={textValue(values, 'subject')}
            error={errors.subject}
          />
          <TextArea
            ctx={ctx}
            name="body"
            label="events.registrants.message.body"
            hint="events.registrants.message.hint"
            rows={8}
            value={textValue(values, 'body')}
            error={errors.body}
          />
          <div class="actions">
            <button type="submit">{ctx.t('events.registrants.message.send')}</button>
          </div>
        </form>
      </section>
    </Layout>
  );
}
