import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the infra tests' cloud assemblies go. Without an outdir CDK makes a fresh
 * `cdk.outXXXX` in the temp folder per App and never removes it (hundreds per test run);
 * this folder is removed by the global teardown (test/global-setup.ts).
 */
export const CDK_ASSEMBLIES = join(tmpdir(), 'pokin-cdk-test');
