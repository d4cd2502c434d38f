/** The expert's side of the desk: the questions assigned to them, their draft, and a call for help. */
import { ForbiddenError } from '../../platform/errors/errors.js';
import { can, validateForm, type SignedInViewer } from '../access/index.js';
import { draftFormSchema, noteFormSchema } from './desk.schemas.js';
import type { DeskOutcome as Outcome, DeskServiceDeps, DeskTools } from './desk.service.js';

/** The use cases of the expert's workspace. */
export function createWorkspaceService(deps: DeskServiceDeps, tools: DeskTools) {
  const { now, forWriter, tellEditors, open } = tools;
  return {
    /** A question for an expert assigned to it (or an editor): no asker's details. */
    async forExpert(viewer: SignedInViewer, id: string) {
      const question = await forWriter(viewer, id);
      return {
        ...question,
        askerName: '',
        askerEmail: '',
        credited: question.assignments.find((a) => a.expertId === viewer.id)?.credited ?? false,
      };
    },

    /** The questions assigned to the viewer. */
    async assignedTo(viewer: SignedInViewer) {
      if (!can(viewer, 'answer-questions')) throw new ForbiddenError();
      return deps.repository.assignedTo(viewer.id);
    },

    /** An expert asks the editors for help: the question is flagged and the editors written to. */
    async askForHelp(viewer: SignedInViewer, id: string, form: unknown): Promise<Outcome> {
      const question = await forWriter(viewer, id);
      const valid = validateForm(noteFormSchema, form);
      if (!valid.ok) return valid;
      await deps.repository.addNote(
        id,
        { authorId: viewer.id, kind: 'help', body: valid.value.body, fromEditor: false },
        now(),
      );
      await tellEditors(question, 'editorsHelp', viewer, valid.value.body);
      return { ok: true };
    },

    /**
     * An expert saves their draft (and may submit it to the editors). Refused, with nothing lost
     * in the form, when someone else saved the answer since the writer opened it.
     */
    async saveDraft(viewer: SignedInViewer, id: string, form: unknown): Promise<Outcome> {
      const question = await forWriter(viewer, id);
      if (!open(question)) return { ok: false, errors: { form: 'experts.desk.errors.notOpen' } };
      const valid = validateForm(draftFormSchema, form);
      if (!valid.ok) return valid;
      const submit = valid.value.intent === 'submit';
      if (submit && valid.value.answer.length < 20)
        return { ok: false, errors: { answer: 'experts.desk.errors.answerRequired' } };
      const saved = await deps.repository.saveDraft(
        id,
        { answer: valid.value.answer },
        valid.value.basedOn,
        now(),
        submit,
      );
      if (!saved) return { ok: false, errors: { form: 'experts.desk.errors.savedMeanwhile' } };
      if (question.assignments.some((a) => a.expertId === viewer.id))
        await deps.repository.setCredited(id, viewer.id, valid.value.credited);
      if (submit) await tellEditors(question, 'editorsSubmitted', viewer);
      return { ok: true };
    },
  };
}
