import { accountingStatus, type CompanyStatus } from '../accounting/accounting-status.js';
import { auditInvoice, auditTransaction, type AuditReport } from '../accounting/audit-trail.js';
import {
  exportBatch,
  listBatches,
  rewriteBatch,
  type BatchExport,
  type BatchFormat,
  type BatchSummary,
} from '../accounting/export-batch.js';
import { postValidatedAllocations, type PostingSummary } from '../accounting/post-allocations.js';
import {
  companyPostingSettings,
  updatePostingSettings,
  type PostingSettings,
} from '../accounting/posting-settings.js';
import { undoAllocationIfAny } from '../accounting/undo-allocation.js';
import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import type { ProgressListener } from './contract.js';

export type {
  AuditReport,
  BatchExport,
  BatchFormat,
  BatchSummary,
  CompanyStatus,
  PostingSettings,
  PostingSummary,
};

/** The accounting operations of the API: posting rules, entries, export batches, audit. */
export interface AccountingApi {
  'accounting.settings': (input: { company: string }) => PostingSettings;
  'accounting.updateSettings': (input: {
    company: string;
    settings: Partial<PostingSettings>;
  }) => PostingSettings;
  /** Posts every validated allocation not posted yet; idempotent. */
  'accounting.post': (input: Record<string, never>) => PostingSummary;
  /** Posts what is validated, then exports the company's unexported entries as a new batch. */
  'accounting.export': (input: {
    company: string;
    format: BatchFormat;
    fileName?: string;
    /** Writes the file there before the batch is recorded, so a failed write seals nothing. */
    folder?: string;
  }) => BatchExport;
  /**
   * An exported batch written again from the database, identical to the first time; in the
   * other `format`, the same entries in the other layout.
   */
  'accounting.rewriteBatch': (input: {
    company: string;
    batch: number;
    format?: BatchFormat;
    fileName?: string;
    folder?: string;
  }) => BatchExport;
  'accounting.batches': (input: { company?: string }) => BatchSummary[];
  /** The chain of an invoice (`invoice`, optionally `company`) or of a `transaction`. */
  'accounting.audit': (input: {
    invoice?: string;
    company?: string;
    transaction?: number;
  }) => AuditReport;
  'accounting.status': (input: Record<string, never>) => CompanyStatus[];
}

/** Binds the accounting methods to their services on one open store. */
export function accountingMethods(store: Store, _onProgress: ProgressListener): AccountingApi {
  return {
    'accounting.settings': ({ company }) => companyPostingSettings(store, company),
    'accounting.updateSettings': ({ company, settings }) =>
      updatePostingSettings(store, company, settings),
    'accounting.post': () => postValidatedAllocations(store),
    'accounting.export': ({ company, format, fileName, folder }) => {
      postValidatedAllocations(store);
      return exportBatch(store, {
        company,
        format,
        ...(fileName === undefined ? {} : { fileName }),
        ...(folder === undefined ? {} : { folder }),
      });
    },
    'accounting.rewriteBatch': ({ company, batch, ...options }) =>
      rewriteBatch(store, company, batch, options),
    'accounting.batches': ({ company }) => listBatches(store, company),
    'accounting.audit': ({ invoice, company, transaction }) => {
      if ((invoice === undefined) === (transaction === undefined)) {
        throw new LettraError('usage', 'audit one invoice or one transaction', {});
      }
      return invoice === undefined
        ? auditTransaction(store, transaction as number)
        : auditInvoice(store, invoice, company);
    },
    'accounting.status': () => accountingStatus(store),
  };
}

/**
 * Posts what an operation validated before handing back its result: `lettra match` leaves
 * the automatic allocations posted, ready for export.
 */
export function postedAfter<T>(store: Store, result: T): T {
  postValidatedAllocations(store);
  return result;
}

/**
 * What `applyDecisions` takes as hooks so that the accounting follows the clerk: before a
 * receipt's allocation changes, its entry is undone (deleted, or reversed once exported);
 * after validations, what they validated is posted.
 */
export function accountingDecisionHooks(store: Store, actor: string) {
  return {
    beforeChange: (transactionId: number): void => {
      undoAllocationIfAny(store, transactionId, actor);
    },
    afterValidation: (): void => {
      postValidatedAllocations(store);
    },
  };
}
