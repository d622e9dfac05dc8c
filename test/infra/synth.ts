/**
 * Synthesizes the Pokin stack for the infra tests the way `npm run synth` does (same
 * infra/cdk.json context, feature flags included) but WITHOUT bundling: the esbuild build
 * of every handler is tested once, in handlers.test.ts, instead of in every synth.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { REPO_ROOT } from '../../infra/lib/bundling.js';
import { readConfig } from '../../infra/lib/config.js';
import { PokinStack } from '../../infra/lib/stack.js';
import { TEST_TMP } from '../tmp.js';

export const CDK_CONTEXT = (JSON.parse(readFileSync(join(REPO_ROOT, 'infra', 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

export interface Synthesized {
  stack: PokinStack;
  template: Template;
  /** Raw resources of the template by logical id. */
  resources: Record<string, { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string }>;
}

let assemblies = 0;

/** A CDK App for a test, its cloud assembly in this process's temp folder. */
export function testApp(context: Record<string, unknown>): App {
  const outdir = join(TEST_TMP, 'cdk', `${process.pid}-${assemblies++}`);
  mkdirSync(outdir, { recursive: true });
  return new App({ context, outdir });
}

/** Synthesis takes seconds (more on a busy 2-core machine): for beforeAll's timeout. */
export const SYNTH_TIMEOUT_MS = 60_000;

/**
 * `cfnValidation: false` skips CDK's built-in CloudFormation rule check (a WASM engine that
 * costs ~5 s to start per test process); one synth of the default stack keeps it on.
 */
export function synth(context: Record<string, unknown> = {}, opts: { cfnValidation?: boolean } = {}): Synthesized {
  const app = testApp({
    ...CDK_CONTEXT, paneDir: '/nonexistent/pokin-pane', ...context, 'aws:cdk:bundling-stacks': [],
    ...(opts.cfnValidation === false ? { '@aws-cdk/core:validateAgainstDefaultRules': false } : {}),
  });
  const config = readConfig(app.node, REPO_ROOT);
  const stack = new PokinStack(app, config.stackName, { config });
  const template = Template.fromStack(stack);
  return { stack, template, resources: template.toJSON().Resources };
}

/** `{Ref: X}` or `{Fn::GetAtt: [X, …]}` → X. */
export function refId(v: unknown): string | undefined {
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.Ref === 'string') return o.Ref;
    const att = o['Fn::GetAtt'];
    if (Array.isArray(att) && typeof att[0] === 'string') return att[0];
  }
  return undefined;
}
