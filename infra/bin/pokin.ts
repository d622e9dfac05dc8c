/**
 * The CDK app: `npm run synth` / `npm run cdk -- deploy -c pemda="…" -c stage=prod`.
 * Parameters come from CDK context (infra/lib/config.ts, documented in infra/README.md).
 */
import { App } from 'aws-cdk-lib';
import { ConfigError, readConfig, type PokinConfig } from '../lib/config.js';
import { REPO_ROOT } from '../lib/bundling.js';
import { PokinStack } from '../lib/stack.js';

const app = new App();

function configOrExit(): PokinConfig {
  try {
    // Relative paneDir values are relative to the repository root, wherever cdk runs from.
    return readConfig(app.node, REPO_ROOT);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    // A clear one-line message instead of a stack trace from inside the CDK CLI.
    console.error(`pokin infra: ${e.message}`);
    process.exit(1);
  }
}
const config = configOrExit();
if (!config.paneBuilt) {
  console.error(`pokin infra: task pane NOT deployed: ${config.paneDir} does not exist or is empty (build the pane, or -c paneDir=<dir>).`);
}

new PokinStack(app, config.stackName, {
  config,
  // Environment-agnostic unless the CLI knows the account: synth stays offline, and
  // `cdk deploy` fills these from the credentials and region in use.
  env: process.env.CDK_DEFAULT_ACCOUNT ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION } : undefined,
});
app.synth();
