/** The sections of the Excellence Knowledge Centre, as the network's own site has them. */
export const KNOWLEDGE_SECTIONS = [
  'human-rights-framework',
  'publications',
  'institutions',
  'thematic-issues',
  'other-issues',
  'useful-links',
  'good-practices',
  'work-in-progress',
] as const;

export type KnowledgeSection = (typeof KNOWLEDGE_SECTIONS)[number];

export function isKnowledgeSection(value: string): value is KnowledgeSection {
  return (KNOWLEDGE_SECTIONS as readonly string[]).includes(value);
}
