import { InitialSchema1764806400000 } from './0001-initial-schema.js';

/**
 * Every migration, oldest first. Listed by hand so that the order never depends on file
 * names, and so that a database holding a migration missing here is known to be newer.
 */
export const migrations = [InitialSchema1764806400000];
