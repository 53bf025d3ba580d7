/**
 * The accounting impact of allocations: posting rules per company, balanced bank-journal
 * entries with their lettrage, undo before and after export, numbered export batches (FEC
 * and CSV), the audit chain and the figures of `lettra status`.
 */
export { accountingStatus, type CompanyStatus } from './accounting-status.js';
export { auditInvoice, auditTransaction, type AuditReport } from './audit-trail.js';
export {
  exportBatch,
  listBatches,
  rewriteBatch,
  type BatchExport,
  type BatchFormat,
  type BatchSummary,
} from './export-batch.js';
export { recordLedgerFacts } from './ledger-facts.js';
export { postValidatedAllocations, type PostingSummary } from './post-allocations.js';
export {
  companyPostingSettings,
  defaultPostingSettings,
  updatePostingSettings,
  type PostingSettings,
} from './posting-settings.js';
export { undoAllocation, type UndoResult } from './undo-allocation.js';
