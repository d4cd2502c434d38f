/** The Experts' facility: questions from anyone, answered by the network's experts. */
export {
  createExpertsRepository,
  type FollowedQuestion,
  type QuestionStatus,
} from './experts.repository.js';
export {
  createExpertsService,
  MAX_LINKS,
  MIN_FILL_MS,
  QUESTIONS_PER_DAY,
  type ExpertsService,
} from './experts.service.js';
export { QUESTION_MIN_LENGTH } from './experts.schemas.js';
