import type { Store } from '../db/store.js';
import {
  matchingSettingsView,
  updateMatchingSettings,
  type MatchingOverrides,
  type MatchingSettingsView,
} from '../matching/matching-settings-store.js';

export type { MatchingOverrides, MatchingSettingsView };

/** The matching settings of the API: tolerances and threshold per company and customer. */
export interface MatchingApi {
  /** The settings the engine uses for a company, or one of its customers, and who set each. */
  'matching.settings': (input: { company: string; customer?: string }) => MatchingSettingsView;
  /**
   * Sets some settings of a company, or of one of its customers (all but `autoThreshold`);
   * `reset` first forgets what was set at that level. `settings` is checked, not trusted.
   */
  'matching.updateSettings': (input: {
    company: string;
    customer?: string;
    settings: MatchingOverrides;
    reset?: boolean;
  }) => MatchingSettingsView;
}

/** Binds the matching settings methods to their service on one open store. */
export function matchingMethods(store: Store): MatchingApi {
  return {
    'matching.settings': ({ company, customer }) => matchingSettingsView(store, company, customer),
    'matching.updateSettings': (change) => updateMatchingSettings(store, change),
  };
}
