/**
 * A deterministic generator of a group of French companies, their ledgers and bank
 * statements, with the truth of what each receipt pays. It is the test bed the matching
 * engine is measured on, so it imports nothing from the engine.
 */
export { generateGroup, defaultReceiptsPerDay } from './group.js';
export { writeGroup } from './write-group.js';
export { scenarioWeights, scenarioGroup, noiseKinds, type Scenario } from './scenarios.js';
export { cfonbAmount } from './cfonb-writer.js';
export { fecColumns } from './fec-writer.js';
export { csvColumns } from './csv-writer.js';
export type {
  AllocationKind,
  BankTransaction,
  Company,
  Customer,
  ExpectedAllocation,
  GeneratedGroup,
  GeneratorOptions,
  Invoice,
  LedgerFormat,
  LedgerPayment,
  Manifest,
  PublicAccountant,
  PublicBody,
  Statement,
  StatementEntry,
  StatementFormatChoice,
  TruthRecord,
} from './types.js';
