import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src-main/db/store.js';

/** A fresh database file in its own temporary folder; `dispose` closes and removes both. */
export async function openTempStore(): Promise<
  Store & { folder: string; dispose(): Promise<void> }
> {
  const folder = mkdtempSync(join(tmpdir(), 'lettra-test-'));
  const store = await openStore(join(folder, 'lettra.sqlite'));
  return {
    ...store,
    folder,
    dispose: async () => {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
