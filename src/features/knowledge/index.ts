export { createKnowledgeRepository } from './knowledge.repository.js';
export type {
  KnowledgeRepository,
  LinkGroupView,
  LinkView,
  PageView,
} from './knowledge.repository.js';
export { KNOWLEDGE_SECTIONS, isKnowledgeSection } from './knowledge.sections.js';
export type { KnowledgeSection } from './knowledge.sections.js';
export { createItemsRepository, type ListCounts, PAGE_SIZE } from './items.repository.js';
export type {
  ItemFilter,
  ItemPage,
  ItemSummaryView,
  ItemView,
  ItemsRepository,
  FileView,
  ReadableFile,
} from './items.repository.js';
export { createFilesRepository } from './files.repository.js';
export type { EditorFileRow, TextStatus } from './files.repository.js';
export { FILE_JOBS, createFilesService } from './files.service.js';
export { cleanFileName } from '../../platform/files/file-names.js';
export type { FilesService, UploadOutcome } from './files.service.js';
export { createEditorialRepository, refreshSearchDocuments } from './editorial.repository.js';
export type {
  EditableItem,
  EditorListRow,
  EditorialRepository,
  RevisionView,
} from './editorial.repository.js';
export { KNOWLEDGE_JOBS, blankItem, createKnowledgeService } from './knowledge.service.js';
export type { KnowledgeService } from './knowledge.service.js';
export { itemFormFields } from './items.schemas.js';
export * from './items.types.js';
export { createOaiRepository } from './oai.repository.js';
export type { HarvestRange, HarvestRecord, OaiRepository } from './oai.repository.js';
export { LINK_JOBS, LINK_STATES, createLinkChecker, linkState } from './link-check.js';
export type { LinkChecker, LinkReportRow, LinkState } from './link-check.js';
export {
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  IMPORT_MAX_ROWS,
  createImportService,
} from './import.service.js';
export type { ImportKind, ImportProblem, ImportReport, ImportService } from './import.service.js';
export { createLinksService, groupAndItsGroups } from './links.service.js';
export { createLinksRepository } from './links.repository.js';
export type { EditableLink, LinksService } from './links.service.js';
export type { EditorGroupRow } from './links.repository.js';
export { ItemCard } from './pages/items.page.js';
export { itemHref, typeLabel } from './pages/labels.js';
export { itemFilter, pageOf } from './filters.js';
export { knowledgeFeature, type KnowledgeApi, type KnowledgeNeeds } from './knowledge.feature.js';
export { filterParameters } from './items.api.js';
export type { PracticeTransfer } from './pages/item.page.js';
