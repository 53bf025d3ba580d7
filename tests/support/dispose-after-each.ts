import { afterEach } from 'vitest';

/**
 * Registers the clean-up of what a test creates (temporary databases and folders): returns
 * `track`, which hands back what it is given and disposes of it after the test.
 */
export function disposeAfterEach(): <T extends { dispose(): Promise<void> }>(created: T) => T {
  const created: Array<{ dispose(): Promise<void> }> = [];
  afterEach(async () => {
    for (const item of created.splice(0)) await item.dispose();
  });
  return (item) => {
    created.push(item);
    return item;
  };
}
