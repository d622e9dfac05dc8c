/**
 * How every handler is bundled, in one place: the stack's NodejsFunctions and the test that
 * builds each entry with esbuild use the same settings, so "it bundles in the test" means
 * "it bundles in `cdk synth`".
 */
import { resolve } from 'node:path';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/** Lambda runs nodejs22.x (ARCHITECTURE §6), whatever Node the build machine has. */
export const ESBUILD_TARGET = 'node22';

/**
 * ESM output lets esbuild tree-shake the AWS SDK's ES modules. CommonJS dependencies inside
 * an ESM bundle still call `require` for Node built-ins, which ESM lacks ("Dynamic require of
 * … is not supported", evanw/esbuild#1921): the banner gives them one.
 */
export const ESM_REQUIRE_BANNER =
  "import{createRequire as __pokinCreateRequire}from'node:module';const require=__pokinCreateRequire(import.meta.url);";

export const MAIN_FIELDS = ['module', 'main'];

/** Repository root: infra/lib/ → ../.. (the CDK app may be started from any directory). */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export function lambdaBundling(): BundlingOptions {
  return {
    // No Docker on the build machines we target: esbuild from node_modules (a devDependency)
    // bundles locally. CDK finds it with require('esbuild/package.json') and would only fall
    // back to Docker when that fails, so the flag states the intent rather than changes it.
    forceDockerBundling: false,
    format: OutputFormat.ESM,
    target: ESBUILD_TARGET,
    mainFields: MAIN_FIELDS,
    banner: ESM_REQUIRE_BANNER,
    minify: true,
    sourceMap: true,
    // Stack traces need names and lines, not the sources: keeps the .map small.
    sourcesContent: false,
    // Bundle the AWS SDK instead of using the runtime's copy: the deployed code then runs
    // the exact SDK version the tests ran (package-lock.json), not whatever Lambda ships.
    externalModules: [],
  };
}
