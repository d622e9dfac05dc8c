/**
 * Vitest global setup: what every test process may leave in the temp folder is removed once
 * the run ends (worker processes are stopped without their `exit` handlers running).
 */
import { rmSync } from 'node:fs';
import { CDK_ASSEMBLIES } from './infra/assemblies.js';

export function teardown(): void {
  rmSync(CDK_ASSEMBLIES, { recursive: true, force: true });
}
