/** Where an event is in its life, and the moves open from there (cancelling and postponing ask why). */
import { Csrf, TextArea } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import type { EditableEvent } from '../editing.repository.js';
import { EVENT_TRANSITIONS, TOLD_STATUSES } from '../events.types.js';

export function EventLifeCycle(props: {
  ctx: PageContext;
  event: EditableEvent;
  csrfToken: string;
  errors: Readonly<Record<string, string>>;
}): JSX.Element {
  const { ctx, event } = props;
  const error = props.errors.status ?? props.errors.reason;
  return (
    <section class="life-cycle" aria-labelledby="status-title">
      <h2 id="status-title">{ctx.t('events.life.title')}</h2>
      <p>
        {ctx.t('events.life.now', {
          status: ctx.text(`events.life.status.${event.status}` as MessageKey),
        })}
        {event.statusReason ? (
          <>
            {' '}
            <span safe>{event.statusReason}</span>
          </>
        ) : (
          ''
        )}
      </p>
      <p>
        {ctx.t('events.life.registrants', { confirmed: event.confirmed, waiting: event.waiting })}{' '}
        <a href={ctx.href(`/editor/events/${event.id}/registrants`)}>
          {ctx.t('events.life.registrantsLink')}
        </a>
        {event.status !== 'draft' ? (
          <>
            {' '}
            <a href={ctx.href(`/events/${event.slug}`)}>{ctx.t('events.life.view')}</a>
          </>
        ) : (
          ''
        )}
      </p>
      {error ? (
        <p class="field-error" role="alert">
          {ctx.t(error as MessageKey)}
        </p>
      ) : (
        ''
      )}
      {event.status === 'closed' && event.outcomesItemId ? (
        <p>
          <a href={ctx.href(`/editor/items/${event.outcomesItemId}/files`)}>
            {ctx.t('events.life.outcomesFiles')}
          </a>
        </p>
      ) : (
        ''
      )}
      <>
        {EVENT_TRANSITIONS[event.status].map((next) =>
          next === 'closed' ? (
            <p>
              <a class="button" href={ctx.href(`/editor/events/${event.id}/outcomes`)}>
                {ctx.t('events.life.closeWithOutcomes')}
              </a>
            </p>
          ) : (
            <form
              method="post"
              action={ctx.href(`/editor/events/${event.id}/status`)}
              class="inline-form"
              novalidate
            >
              <Csrf token={props.csrfToken} />
              <input type="hidden" name="status" value={next} />
              {TOLD_STATUSES.includes(next) ? (
                <TextArea
                  ctx={ctx}
                  id={`reason-${next}`}
                  name="reason"
                  label={`events.life.reason.${next}` as MessageKey}
                  hint="events.life.reasonHint"
                  rows={2}
                />
              ) : (
                ''
              )}
              <button type="submit" class={next === 'cancelled' ? 'danger' : undefined}>
                {ctx.t(`events.life.move.${next}` as MessageKey)}
              </button>
            </form>
          ),
        )}
      </>
    </section>
  );
}
