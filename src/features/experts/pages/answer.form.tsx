/** The editors' answer to a question on the desk: its public wording, summary, text, links and publication. */
import type { DeskQuestion } from '../desk.repository.js';
import { PUBLICATIONS } from '../experts.repository.js';
import { Prose } from '../../../ui/components/content.js';
import {
  Csrf,
  FieldError,
  textValue,
  TextArea,
  type FormValues,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { AnswerPreview, dateOf } from './question.parts.js';

/** The form values of the answer as stored. */
export function answerValues(question: DeskQuestion): FormValues {
  return {
    publicQuestion: question.publicQuestion || question.question,
    summary: question.summary,
    answer: question.answer,
    links: question.links.map((link) => `${link.url} ${link.title}`.trim()).join('\n'),
    related: question.related.join(' '),
    publication: question.publication ?? (question.keepPrivate ? 'private' : ''),
    basedOn: question.answerSavedAt?.toISOString() ?? '',
  };
}

/** The answer's form, with what the expert submitted and a preview when asked for. */
export function AnswerForm(props: {
  ctx: PageContext;
  csrfToken: string;
  question: DeskQuestion;
  /** Whether the question is still in the queue (else the answer is published and only edited). */
  open: boolean;
  action: string;
  /** The answer form as sent back with its problems, or null. */
  sent: { values: FormValues; errors: Record<string, string> } | null;
}): JSX.Element {
  const { ctx, question, open, sent } = props;
  const answer = sent?.values ?? answerValues(question);
  const errors = sent?.errors ?? {};
  return (
    <section aria-labelledby="answer-title">
      <h2 id="answer-title">{ctx.t('experts.desk.answer.title')}</h2>
      {question.submittedAt ? (
        <p>
          {ctx.t('experts.desk.answer.submittedOn', {
            date: dateOf(ctx, question.submittedAt),
          })}
        </p>
      ) : (
        ''
      )}
      {errors.form === 'experts.desk.errors.savedMeanwhile' ? (
        <details open>
          <summary>{ctx.t('experts.desk.answer.savedNow')}</summary>
          <Prose markdown={question.answer} lang={question.locale} />
        </details>
      ) : (
        ''
      )}
      {sent && textValue(sent.values, 'intent') === 'preview' ? (
        <AnswerPreview ctx={ctx} markdown={textValue(answer, 'answer')} lang={question.locale} />
      ) : (
        ''
      )}
      <form method="post" action={props.action} class="form" novalidate>
        <Csrf token={props.csrfToken} />
        <input type="hidden" name="basedOn" value={question.answerSavedAt?.toISOString() ?? ''} />
        <TextArea
          ctx={ctx}
          name="publicQuestion"
          label="experts.desk.answer.publicQuestion"
          hint="experts.desk.answer.publicQuestionHint"
          value={textValue(answer, 'publicQuestion')}
          error={errors.publicQuestion}
          lang={question.locale}
          required={false}
        />
        <TextArea
          ctx={ctx}
          name="summary"
          label="experts.desk.answer.summary"
          hint="experts.desk.answer.summaryHint"
          value={textValue(answer, 'summary')}
          error={errors.summary}
          lang={question.locale}
          rows={3}
          required={false}
        />
        <TextArea
          ctx={ctx}
          name="answer"
          label="experts.desk.answer.answer"
          hint="experts.desk.answer.answerHint"
          value={textValue(answer, 'answer')}
          error={errors.answer}
          lang={question.locale}
          rows={14}
          required={false}
        />
        <TextArea
          ctx={ctx}
          name="links"
          label="experts.desk.answer.links"
          hint="experts.desk.answer.linksHint"
          value={textValue(answer, 'links')}
          error={errors.links}
          rows={3}
          required={false}
        />
        <TextArea
          ctx={ctx}
          name="related"
          label="experts.desk.answer.related"
          hint="experts.desk.answer.relatedHint"
          value={textValue(answer, 'related')}
          error={errors.related}
          rows={2}
          required={false}
        />
        {open ? (
          <>
            <fieldset class={errors.publication ? 'choices has-error' : 'choices'} id="publication">
              <legend>{ctx.t('experts.desk.answer.publication')}</legend>
              <FieldError ctx={ctx} name="publication" error={errors.publication} />
              {PUBLICATIONS.map((publication) => (
                <p>
                  <input
                    type="radio"
                    id={`publication-${publication}`}
                    name="publication"
                    value={publication}
                    checked={textValue(answer, 'publication') === publication}
                    disabled={question.keepPrivate && publication !== 'private'}
                  />{' '}
                  <label for={`publication-${publication}`}>
                    {ctx.t(`experts.desk.publication.${publication}` as MessageKey)}
                  </label>
                </p>
              ))}
            </fieldset>
            <p class="actions">
              <button type="submit" name="intent" value="preview" class="secondary">
                {ctx.t('experts.desk.answer.preview')}
              </button>{' '}
              <button type="submit" name="intent" value="save" class="secondary">
                {ctx.t('experts.desk.answer.save')}
              </button>{' '}
              <button type="submit" name="intent" value="publish">
                {ctx.t('experts.desk.answer.publish')}
              </button>
            </p>
          </>
        ) : (
          <>
            <p class="hint">{ctx.t('experts.desk.answer.published')}</p>
            <button type="submit" name="intent" value="preview" class="secondary">
              {ctx.t('experts.desk.answer.preview')}
            </button>{' '}
            <button type="submit" name="intent" value="save">
              {ctx.t('experts.desk.answer.saveChanges')}
            </button>
          </>
        )}
      </form>
    </section>
  );
}
