/**
 * The organisers' questions to registrants: up to three, each a short text, a choice among
 * options, or a consent to be listed among the participants. The form holds one slot per
 * question (it works without script); the answers are checked against the questions when a
 * person registers, each problem a catalogue key.
 */

export const QUESTION_KINDS = ['text', 'choice', 'consent'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface EventQuestion {
  /** Its slot ("q1"…), which keys the answers: stable while the organisers edit it. */
  id: string;
  kind: QuestionKind;
  label: string;
  /** The options of a choice; empty otherwise. */
  options: string[];
  /** A text or a choice that must be answered; a consent never is. */
  required: boolean;
}

/** The form's slots, one per question. */
export const QUESTION_SLOTS = ['q1', 'q2', 'q3'] as const;

/** What a consent's answer is stored as. */
export const CONSENTED = 'yes';
const MAX_OPTIONS = 20;

type Form = Readonly<Record<string, unknown>>;
type Errors = Record<string, string>;

const textOf = (form: Form, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};

const isKind = (value: string): value is QuestionKind =>
  (QUESTION_KINDS as readonly string[]).includes(value);

/** The questions of the organisers' form, with the problems of each slot by field name. */
export function questionsFromForm(form: Form): { questions: EventQuestion[]; errors: Errors } {
  const questions: EventQuestion[] = [];
  const errors: Errors = {};
  for (const id of QUESTION_SLOTS) {
    const kind = textOf(form, `${id}Kind`);
    if (kind === '') continue;
    if (!isKind(kind)) {
      errors[`${id}Kind`] = 'events.errors.questionKind';
      continue;
    }
    const label = textOf(form, `${id}Label`);
    if (label === '') errors[`${id}Label`] = 'events.errors.questionLabel';
    else if (label.length > 300) errors[`${id}Label`] = 'events.errors.tooLong';
    const options =
      kind === 'choice'
        ? [
            ...new Set(
              textOf(form, `${id}Options`)
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean),
            ),
          ]
        : [];
    if (kind === 'choice' && (options.length < 2 || options.length > MAX_OPTIONS))
      errors[`${id}Options`] = 'events.errors.questionOptions';
    else if (options.some((option) => option.length > 200))
      errors[`${id}Options`] = 'events.errors.tooLong';
    const required = kind !== 'consent' && textOf(form, `${id}Required`) === 'yes';
    questions.push({ id, kind, label, options, required });
  }
  return { questions, errors };
}

/** The form's values for stored questions, slot by slot. */
export function questionValues(questions: readonly EventQuestion[]): Record<string, string> {
  return Object.fromEntries(
    questions.flatMap((question) => [
      [`${question.id}Kind`, question.kind],
      [`${question.id}Label`, question.label],
      [`${question.id}Options`, question.options.join('\n')],
      [`${question.id}Required`, question.required ? 'yes' : ''],
    ]),
  );
}

/** The name of an answer's field on the registration form. */
export const answerField = (question: Pick<EventQuestion, 'id'>): string => `answer-${question.id}`;

/**
 * A registrant's answers, checked against the questions: a required one answered, a choice one
 * of its options, a text not too long. Problems are keyed by the answer's field.
 */
export function answersFromForm(
  questions: readonly EventQuestion[],
  form: Form,
): { ok: true; answers: Record<string, string> } | { ok: false; errors: Errors } {
  const answers: Record<string, string> = {};
  const errors: Errors = {};
  for (const question of questions) {
    const field = answerField(question);
    const value = textOf(form, field);
    if (question.kind === 'consent') {
      answers[question.id] = value === CONSENTED ? CONSENTED : 'no';
      continue;
    }
    if (value === '' && question.required) errors[field] = 'events.errors.answerRequired';
    else if (question.kind === 'choice' && value !== '' && !question.options.includes(value))
      errors[field] = 'events.errors.answerChoice';
    else if (value.length > 2000) errors[field] = 'events.errors.tooLong';
    else answers[question.id] = value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, answers };
}

/** An answer as the organisers read it: a consent as their words for yes and no. */
export function answerShown(
  question: EventQuestion,
  answers: Readonly<Record<string, string>>,
  words: { yes: string; no: string },
): string {
  const answer = answers[question.id] ?? '';
  if (question.kind !== 'consent' || answer === '') return answer;
  return answer === CONSENTED ? words.yes : words.no;
}
