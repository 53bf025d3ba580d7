import type { CompanySummary, NewCompany } from '../companies/company-service.js';
import type { LedgerImportResult } from '../imports/import-ledgers.js';
import type { StatementImportResult } from '../imports/import-statements.js';
import type { ExportedReceipt } from '../matching/allocations-export.js';
import type { DecisionOutcome } from '../matching/apply-decisions.js';
import type { LearnedFact } from '../matching/learned-facts.js';
import type { ScoringModelView } from '../matching/scoring-model.js';
import type { Language } from '../matching/explanation.js';
import type { MatchingSummary } from '../matching/run-matching.js';
import type { AccountingApi } from './accounting-methods.js';
import type { MatchingApi } from './matching-methods.js';

export type {
  CompanySummary,
  ExportedReceipt,
  LedgerImportResult,
  MatchingSummary,
  StatementImportResult,
};

/**
 * Every operation the CLI, the desktop shell and the browser bridge may call, by name, with
 * its argument and result. Arguments and results are plain JSON values.
 */
export interface LettraApi extends AccountingApi, MatchingApi {
  'companies.add': (input: NewCompany) => CompanySummary;
  'companies.list': (input: Record<string, never>) => CompanySummary[];
  'imports.statements': (input: { paths: string[]; company?: string }) => StatementImportResult[];
  'imports.ledgers': (input: { paths: string[]; company?: string }) => LedgerImportResult[];
  'matching.run': (input: { language?: Language }) => MatchingSummary;
  'allocations.export': (input: Record<string, never>) => ExportedReceipt[];
  'allocations.exportCsv': (input: Record<string, never>) => string;
  /** Clerks' decisions as in a decisions file: `decisions` is checked here, not trusted. */
  'decisions.apply': (input: {
    decisions: unknown;
    actor: string;
    source?: string;
  }) => DecisionOutcome[];
  'learned.list': (input: Record<string, never>) => LearnedFact[];
  'learned.remove': (input: { id: number }) => LearnedFact;
  /** The scoring weights and automatic thresholds the clerks' decisions trained. */
  'learned.model': (input: Record<string, never>) => ScoringModelView;
}

export type ApiMethod = keyof LettraApi;
export type ApiInput<M extends ApiMethod> = Parameters<LettraApi[M]>[0];
export type ApiResult<M extends ApiMethod> = ReturnType<LettraApi[M]>;

/** Reports progress of long operations to whoever called them. */
export type ProgressListener = (step: string, done: number, total: number) => void;
