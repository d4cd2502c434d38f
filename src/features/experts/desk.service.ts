/**
 * The desk where questions become answers. Editors triage the queue (spam, duplicates merged,
 * rejections with a reason, experts assigned with a due day, internal notes); experts draft the
 * answer in Markdown, ask the editors for help and submit; editors edit, summarise, add links and
 * related items, and publish for everyone, for members, or privately by e-mail. The asker hears of
 * every step through their follow link; experts are reminded of due days by a job.
 */
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { isUuid } from '../../platform/db/columns.js';
import { can, validateForm, type SignedInViewer } from '../access/index.js';
import type {
  DeskQuestion,
  DeskRepository,
  ExpertCandidate,
  QueueView,
  ServiceFigures,
} from './desk.repository.js';
import {
  answerFormSchema,
  assignFormSchema,
  mergeFormSchema,
  noteFormSchema,
  rejectFormSchema,
} from './desk.schemas.js';
import type { ExpertsMail } from './experts.mail.js';
import { createDeskJobs } from './desk.jobs.js';
import { createWorkspaceService } from './workspace.service.js';
import type { Notify } from '../feature.js';

export {
  EXPERTS_JOBS,
  REMIND_DAYS_BEFORE,
  SPAM_RETENTION_DAYS,
  UNCONFIRMED_RETENTION_DAYS,
} from './desk.jobs.js';

/** Questions per page of the editors' queue. */
export const QUEUE_PAGE_SIZE = 50;
/** The service's medians are taken over the questions of the last year. */
const FIGURES_PERIOD_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

type Errors = Record<string, string>;
/** A use case's outcome: done, or the form's problems. */
export type DeskOutcome = { ok: true } | { ok: false; errors: Errors };
type Outcome = DeskOutcome;

/** An expert as suggested for a question: how well they match, and why. */
export interface Suggestion extends ExpertCandidate {
  score: number;
  themeMatch: boolean;
  /** Words of their expertise found in the question. */
  matched: string[];
}

/**
 * Experts ranked for a question: a matching theme counts two, each expertise term found in the
 * question one; among equals the less loaded comes first.
 */
export function rankExperts(
  experts: readonly ExpertCandidate[],
  question: { theme: string; question: string },
): Suggestion[] {
  const text = question.question.toLocaleLowerCase();
  return experts
    .map((expert) => {
      const themeMatch = expert.themes.includes(question.theme);
      const matched = expert.expertise.filter((term) => {
        const word = term.trim().toLocaleLowerCase();
        return word.length >= 3 && text.includes(word);
      });
      return { ...expert, themeMatch, matched, score: (themeMatch ? 2 : 0) + matched.length };
    })
    .sort((a, b) => b.score - a.score || a.load - b.load || a.name.localeCompare(b.name));
}

export interface DeskServiceDeps {
  repository: DeskRepository;
  mail: ExpertsMail;
  /** Whether a Knowledge Centre item has this slug. */
  itemExists: (slug: string) => Promise<boolean>;
  /** Published answers change what pages show. */
  contentChanged: () => Promise<void>;
  /** Tells a signed-in asker on their notification page (following). */
  notify: Notify;
  clock?: () => Date;
}

/** What the desk's use cases share: the clock, who may see a question, and the e-mails of each step. */
function createDeskTools(deps: DeskServiceDeps) {
  const now = deps.clock ?? (() => new Date());
  const today = (): string => now().toISOString().slice(0, 10);

  const assertEditor = (viewer: SignedInViewer): void => {
    if (!can(viewer, 'moderate')) throw new ForbiddenError();
  };

  const load = async (id: string): Promise<DeskQuestion> => {
    const question = isUuid(id) ? await deps.repository.question(id) : null;
    if (!question) throw new NotFoundError();
    return question;
  };

  /** The question for an editor, or for an expert assigned to it. */
  const forWriter = async (viewer: SignedInViewer, id: string): Promise<DeskQuestion> => {
    if (!can(viewer, 'answer-questions')) throw new ForbiddenError();
    const question = await load(id);
    if (!can(viewer, 'moderate') && !question.assignments.some((a) => a.expertId === viewer.id))
      throw new NotFoundError();
    return question;
  };

  const tellAsker = async (
    question: DeskQuestion,
    kind: 'assigned' | 'rejected' | 'merged',
    quoted?: string,
  ): Promise<void> =>
    deps.mail.send({
      to: question.askerEmail,
      locale: question.locale,
      kind,
      quoted,
      action: deps.mail.followUrl(question.locale, question.id),
    });

  const tellEditors = async (
    question: DeskQuestion,
    kind: 'editorsHelp' | 'editorsSubmitted',
    by: SignedInViewer,
    quoted?: string,
  ): Promise<void> => {
    for (const editor of await deps.repository.editorAddresses())
      await deps.mail.send({
        to: editor.email,
        locale: editor.locale,
        kind,
        values: { expert: by.name },
        quoted,
        action: deps.mail.url(editor.locale, `/editor/questions/${question.id}`),
      });
  };

  const open = (question: DeskQuestion): boolean =>
    question.status === 'new' || question.status === 'assigned' || question.status === 'submitted';
  return { now, today, assertEditor, load, forWriter, tellAsker, tellEditors, open };
}

export type DeskTools = ReturnType<typeof createDeskTools>;

/** The desk's use cases; see the file's comment. */
export function createDeskService(deps: DeskServiceDeps) {
  const tools = createDeskTools(deps);
  const { now, today, assertEditor, load, forWriter, tellAsker, open } = tools;
  return {
    /** One page of the editors' queue. */
    async queue(viewer: SignedInViewer, view: QueueView, page: number) {
      assertEditor(viewer);
      return deps.repository.queue(view, page, QUEUE_PAGE_SIZE);
    },

    /** A question for the editors, with experts suggested for it and questions it may repeat. */
    async forEditor(viewer: SignedInViewer, id: string) {
      assertEditor(viewer);
      const question = await load(id);
      const [experts, duplicates] = await Promise.all([
        deps.repository.experts(),
        deps.repository.possibleDuplicates(question),
      ]);
      return { question, suggestions: rankExperts(experts, question), duplicates };
    },

    /** Assigns experts with a due day; each new expert is told, and the asker the first time. */
    async assign(viewer: SignedInViewer, id: string, form: unknown): Promise<Outcome> {
      assertEditor(viewer);
      const question = await load(id);
      const valid = validateForm(assignFormSchema, form);
      if (!valid.ok) return valid;
      if (valid.value.dueOn < today())
        return { ok: false, errors: { dueOn: 'experts.desk.errors.duePast' } };
      const experts = await deps.repository.experts();
      const chosen = experts.filter((expert) => valid.value.experts.includes(expert.id));
      if (chosen.length !== new Set(valid.value.experts).size)
        return { ok: false, errors: { experts: 'experts.desk.errors.chooseExpert' } };
      const done = await deps.repository.assign(
        id,
        valid.value.experts,
        valid.value.dueOn,
        viewer.id,
        now(),
      );
      if (!done) return { ok: false, errors: { form: 'experts.desk.errors.notOpen' } };
      const addresses = await deps.repository.question(id);
      for (const assignment of addresses?.assignments ?? []) {
        if (!done.added.includes(assignment.expertId)) continue;
        const locale = assignment.locale;
        await deps.mail.send({
          to: assignment.email,
          locale,
          kind: 'expertAssigned',
          name: assignment.name,
          due: valid.value.dueOn,
          action: deps.mail.url(locale, `/experts/workspace/${id}`),
        });
      }
      if (done.wasNew) await tellAsker(question, 'assigned');
      return { ok: true };
    },

    /** Takes an expert off an open question. */
    async unassign(viewer: SignedInViewer, id: string, expertId: string): Promise<void> {
      assertEditor(viewer);
      await load(id);
      if (isUuid(expertId)) await deps.repository.unassign(id, expertId);
    },

    /** Turns a question down; the asker is told why. */
    async reject(viewer: SignedInViewer, id: string, form: unknown): Promise<Outcome> {
      assertEditor(viewer);
      const question = await load(id);
      const valid = validateForm(rejectFormSchema, form);
      if (!valid.ok) return valid;
      if (!(await deps.repository.close(id, 'rejected', { reason: valid.value.reason }, now())))
        return { ok: false, errors: { form: 'experts.desk.errors.notOpen' } };
      await tellAsker(question, 'rejected', valid.value.reason);
      return { ok: true };
    },

    /** Marks a question as spam: it leaves the queue, nobody is written to, and it is deleted later. */
    async markSpam(viewer: SignedInViewer, id: string): Promise<Outcome> {
      assertEditor(viewer);
      await load(id);
      if (!(await deps.repository.close(id, 'spam', {}, now())))
        return { ok: false, errors: { form: 'experts.desk.errors.notOpen' } };
      return { ok: true };
    },

    /** Merges a question into another that asks the same; its asker hears when that one is answered. */
    async merge(viewer: SignedInViewer, id: string, form: unknown): Promise<Outcome> {
      assertEditor(viewer);
      const question = await load(id);
      const valid = validateForm(mergeFormSchema, form);
      if (!valid.ok) return valid;
      if (valid.value.into === id || !(await deps.repository.canTakeMerge(valid.value.into)))
        return { ok: false, errors: { into: 'experts.desk.errors.mergeChoose' } };
      if (!(await deps.repository.close(id, 'merged', { mergedInto: valid.value.into }, now())))
        return { ok: false, errors: { form: 'experts.desk.errors.notOpen' } };
      await tellAsker(question, 'merged');
      return { ok: true };
    },

    /** An internal note by an editor or an assigned expert; never shown to the asker. */
    async addNote(viewer: SignedInViewer, id: string, form: unknown): Promise<Outcome> {
      await forWriter(viewer, id);
      const valid = validateForm(noteFormSchema, form);
      if (!valid.ok) return valid;
      await deps.repository.addNote(
        id,
        {
          authorId: viewer.id,
          kind: 'note',
          body: valid.value.body,
          fromEditor: can(viewer, 'moderate'),
        },
        now(),
      );
      return { ok: true };
    },

    /**
     * The editors' answer: saved, or published as chosen. Publishing needs an answer, and a
     * summary unless the answer is private; a question its asker wanted private is only answered
     * privately. The asker is told (and sent the answer itself when it is private), as are the
     * askers of questions merged into this one when it is published. A published answer may be
     * corrected later: it keeps its publication, and nobody is written to again.
     */
    async saveAnswer(viewer: SignedInViewer, id: string, form: unknown): Promise<Outcome> {
      assertEditor(viewer);
      const question = await load(id);
      const answered = question.status === 'answered';
      if (!open(question) && !answered)
        return { ok: false, errors: { form: 'experts.desk.errors.notOpen' } };
      const valid = validateForm(answerFormSchema, form);
      const errors: Errors = valid.ok ? {} : { ...valid.errors };
      // What publishing needs is checked on what was typed, beside the form's other problems.
      const body = (form ?? {}) as Record<string, unknown>;
      const typed = (name: string): string =>
        typeof body[name] === 'string' ? body[name].trim() : '';
      const publication = valid.ok ? valid.value.publication : undefined;
      // A published answer is corrected as it is published: its publication stays, nobody is told.
      const publish = typed('intent') === 'publish' && !answered;
      // What is published (or stays published) must hold the answer, and its summary when shown.
      const shownAs = publish ? typed('publication') : answered ? question.publication : null;
      if (publish && !shownAs) errors.publication ??= 'experts.desk.errors.publicationRequired';
      if (publish && question.keepPrivate && shownAs !== 'private')
        errors.publication = 'experts.desk.errors.askerWantsPrivate';
      if (shownAs) {
        if (typed('answer').length < 20) errors.answer ??= 'experts.desk.errors.answerRequired';
        if (shownAs === 'public' || shownAs === 'members') {
          if (!typed('summary')) errors.summary ??= 'experts.desk.errors.summaryRequired';
          if (!typed('publicQuestion'))
            errors.publicQuestion ??= 'experts.desk.errors.questionRequired';
        }
      }
      if (valid.ok)
        for (const slug of valid.value.related)
          if (!(await deps.itemExists(slug))) errors.related = 'experts.desk.errors.relatedUnknown';
      if (!valid.ok || Object.keys(errors).length > 0) return { ok: false, errors };
      const value = valid.value;
      const at = now();
      const saved = await deps.repository.saveDraft(
        id,
        {
          publicQuestion: value.publicQuestion,
          summary: value.summary,
          answer: value.answer,
          links: value.links,
          related: value.related,
        },
        value.basedOn,
        at,
      );
      if (!saved) return { ok: false, errors: { form: 'experts.desk.errors.savedMeanwhile' } };
      if (answered) await deps.contentChanged();
      if (!publish || !publication) return { ok: true };
      if (!(await deps.repository.publish(id, publication, at)))
        return { ok: false, errors: { form: 'experts.desk.errors.notOpen' } };
      // An answer for members is read by the asker through their own link, member or not.
      const answerUrl =
        publication === 'members'
          ? deps.mail.followUrl(question.locale, id)
          : deps.mail.url(question.locale, `/experts/answers/${id}`);
      if (publication === 'private') {
        await deps.mail.send({
          to: question.askerEmail,
          locale: question.locale,
          kind: 'answeredPrivately',
          quoted: value.answer,
          action: deps.mail.followUrl(question.locale, id),
        });
        return { ok: true };
      }
      await deps.contentChanged();
      // An answer for members is the asker's through their own link, member or not: the notice
      // then names no entry (it would be read as them, and hidden from a non-member).
      if (question.askerId)
        await deps.notify(question.askerId, {
          message: 'following.notice.answer',
          values: {},
          path: publication === 'members' ? `/experts/answers` : `/experts/answers/${id}`,
          ...(publication === 'public' ? { entry: { kind: 'answer', key: id } } : {}),
        });
      await deps.mail.send({
        to: question.askerEmail,
        locale: question.locale,
        kind: 'answered',
        quoted: value.summary,
        action: answerUrl,
      });
      for (const asker of await deps.repository.mergedAskers(id))
        await deps.mail.send({
          to: asker.email,
          locale: asker.locale,
          kind: 'answered',
          quoted: value.summary,
          action: deps.mail.url(asker.locale, `/experts/answers/${id}`),
        });
      return { ok: true };
    },

    /** The service's figures for the editors. */
    async figures(viewer: SignedInViewer): Promise<ServiceFigures> {
      assertEditor(viewer);
      return deps.repository.figures(new Date(now().getTime() - FIGURES_PERIOD_DAYS * DAY_MS));
    },
    ...createWorkspaceService(deps, tools),
    ...createDeskJobs(deps, tools),
  };
}

export type DeskService = ReturnType<typeof createDeskService>;
