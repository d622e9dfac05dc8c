/**
 * Vitest global setup: what every test process may leave in the temp folder is removed once
 * the run ends (worker processes are stopped without their `exit` handlers running).
 */
import { rmSync } from 'node:fs';
import { TEST_TMP } from './tmp.js';

export function teardown(): void {
  rmSync(TEST_TMP, { recursive: true, force: true });
}
