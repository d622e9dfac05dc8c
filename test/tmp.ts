import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The temp folder for what tests write and nobody needs afterwards: local API data folders,
 * the infra tests' cloud assemblies (without an outdir CDK makes a fresh `cdk.outXXXX` per
 * App and never removes it: hundreds per run). Removed by the global teardown
 * (test/global-setup.ts), since worker processes are stopped without their exit handlers.
 * Screenshots meant to be looked at go elsewhere.
 */
export const TEST_TMP = join(tmpdir(), 'pokin-test');
