import { addCompany, listCompanies } from '../companies/company-service.js';
import type { Store } from '../db/store.js';
import { importLedgers } from '../imports/import-ledgers.js';
import { importStatements } from '../imports/import-statements.js';
import { allocationsToCsv } from '../matching/allocations-csv.js';
import { exportAllocations } from '../matching/allocations-export.js';
import { applyDecisions } from '../matching/apply-decisions.js';
import { readClerkDecisions } from '../matching/clerk-decision.js';
import { listLearnedFacts, removeLearnedFact } from '../matching/learned-facts.js';
import { runMatching } from '../matching/run-matching.js';
import { scoringModelView } from '../matching/scoring-model.js';
import type { LettraApi, ProgressListener } from './contract.js';
import { accountingDecisionHooks, accountingMethods, postedAfter } from './accounting-methods.js';
import { matchingMethods } from './matching-methods.js';

/** Binds every API method to its service on one open store. */
export function createApi(store: Store, onProgress: ProgressListener = () => {}): LettraApi {
  return {
    ...accountingMethods(store, onProgress),
    ...matchingMethods(store),
    'companies.add': (input) => addCompany(store, input),
    'companies.list': () => listCompanies(store),
    'imports.statements': ({ paths, company }) =>
      importStatements(store, paths, {
        companyCode: company,
        onProgress: (done, total) => onProgress('import statements', done, total),
      }),
    'imports.ledgers': ({ paths, company }) =>
      importLedgers(store, paths, {
        companyCode: company,
        onProgress: (done, total) => onProgress('import ledgers', done, total),
      }),
    'matching.run': ({ language }) =>
      postedAfter(
        store,
        runMatching(store, {
          language,
          onProgress: (round, done, total) => onProgress(`match, ${round}`, done, total),
        }),
      ),
    'allocations.export': () => exportAllocations(store),
    'allocations.exportCsv': () => allocationsToCsv(exportAllocations(store)),
    'decisions.apply': ({ decisions, actor, source }) =>
      applyDecisions(
        store,
        readClerkDecisions(decisions, source ?? 'decisions'),
        actor,
        accountingDecisionHooks(store, actor),
      ),
    'learned.list': () => listLearnedFacts(store),
    'learned.remove': ({ id }) => removeLearnedFact(store, id),
    'learned.model': () => scoringModelView(store),
  };
}
