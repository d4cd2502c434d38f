/** Closing an event with its outcomes, which become a Knowledge Centre item. */
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
import type { EditableEvent } from '../editing.repository.js';
import { OUTCOMES_FIELDS } from '../outcomes.service.js';
import type { EventFormState } from './event.fields.js';

export function OutcomesPage(props: {
  ctx: PageContext;
  csrfToken: string;
  event: EditableEvent;
  state: EventFormState;
}): JSX.Element {
  const { ctx, event } = props;
  const { values, errors } = props.state;
  const name = event.text?.title ?? event.slug;
  const title = ctx.text('events.outcomes.title', { title: name });
  const base = `/editor/events/${event.id}`;
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
      <PageHeader title={title} lead={ctx.text('events.outcomes.lead')} />
      <ErrorSummary
        ctx={ctx}
        summary="events.outcomes.errors"
        errors={errorsInOrder(errors, ['form', ...OUTCOMES_FIELDS])}
      />
      <form method="post" action={ctx.href(`${base}/outcomes`)} class="form" novalidate>
        <Csrf token={props.csrfToken} />
        <TextArea
          ctx={ctx}
          name="summary"
          label="events.outcomes.summary"
          hint="events.outcomes.summaryHint"
          rows={3}
          value={textValue(values, 'summary')}
          error={errors.summary}
        />
        <TextArea
          ctx={ctx}
          name="minutes"
          label="events.outcomes.minutes"
          hint="events.hint.description"
          required={false}
          rows={12}
          value={textValue(values, 'minutes')}
          error={errors.minutes}
        />
        <TextArea
          ctx={ctx}
          name="conclusions"
          label="events.outcomes.conclusions"
          required={false}
          rows={8}
          value={textValue(values, 'conclusions')}
          error={errors.conclusions}
        />
        <Field
          ctx={ctx}
          name="attendance"
          label="events.outcomes.attendance"
          type="number"
          autocomplete="off"
          required={false}
          hint={ctx.text('events.outcomes.attendanceHint', { confirmed: event.confirmed })}
          value={textValue(values, 'attendance')}
          error={errors.attendance}
        />
        <Select
          ctx={ctx}
          name="detail"
          label="events.outcomes.detail"
          options={[
            { value: 'public', label: ctx.text('events.outcomes.detailPublic') },
            { value: 'members', label: ctx.text('events.outcomes.detailMembers') },
          ]}
          value={textValue(values, 'detail')}
          error={errors.detail}
        />
        <p class="hint">{ctx.t('events.outcomes.filesHint')}</p>
        <div class="actions">
          <button type="submit">{ctx.t('events.outcomes.submit')}</button>
        </div>
      </form>
    </Layout>
  );
}
