export { createKnowledgeRepository } from './knowledge.repository.js';
export type {
  KnowledgeRepository,
  LinkGroupView,
  LinkView,
  PageView,
} from './knowledge.repository.js';
export { KNOWLEDGE_SECTIONS, isKnowledgeSection } from './knowledge.sections.js';
export type { KnowledgeSection } from './knowledge.sections.js';
