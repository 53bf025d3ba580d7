import { InitialSchema1764806400000 } from './0001-initial-schema.js';
import { Accounting1764806500000 } from './0002-accounting.js';
import { Learning1764806600000 } from './0003-learning.js';
import { ThresholdsByEvidence1764806700000 } from './0004-thresholds-by-evidence.js';
import { SettledInvoices1764806800000 } from './0005-settled-invoices.js';

/**
 * Every migration, oldest first. Listed by hand so that the order never depends on file
 * names, and so that a database holding a migration missing here is known to be newer.
 */
export const migrations = [
  InitialSchema1764806400000,
  Accounting1764806500000,
  Learning1764806600000,
  ThresholdsByEvidence1764806700000,
  SettledInvoices1764806800000,
];
