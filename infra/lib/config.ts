/**
 * Deployment parameters, read from CDK context (`-c key=value` or cdk.json "context").
 * Everything a pemda's IT team may choose lives here, checked once, with errors that say
 * which `-c` flag to fix: a typo must fail the synth, not produce a half-working stack.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';

export interface PokinConfig {
  /** Display name of the pemda (descriptions and tags only, e.g. "Kabupaten Bandung"). */
  pemda: string;
  /** `dev`, `staging`, `prod`…: part of the stack name, so several stages share an account. */
  stage: string;
  /** Stack name: `Pokin-<pemda slug>-<stage>`. */
  stackName: string;
  /** Prefix of the Cognito hosted UI domain (`<prefix>.auth.<region>.amazoncognito.com`). */
  authDomainPrefix: string;
  /** Custom domain of the task pane (CloudFront alias) and its ACM certificate in us-east-1. */
  paneDomainName?: string;
  paneCertificateArn?: string;
  /** Custom domain of the API and its ACM certificate in the stack's region. */
  apiDomainName?: string;
  apiCertificateArn?: string;
  /**
   * Extra origins allowed by CORS and as OAuth callback/logout origins, besides the pane's own
   * origin (e.g. `https://localhost:3000` to run a development pane against this stack).
   */
  extraOrigins: string[];
  /** Directory of the built task pane (absolute); `paneBuilt` tells whether it exists. */
  paneDir: string;
  paneBuilt: boolean;
  /** Retention of the Lambda and API access logs, in days. */
  logRetentionDays: RetentionDays;
}

/** Context keys, as documented in infra/README.md. */
export const CONTEXT_KEYS = [
  'pemda', 'stage', 'authDomainPrefix', 'paneDomainName', 'paneCertificateArn', 'apiDomainName',
  'apiCertificateArn', 'allowedOrigins', 'paneDir', 'logRetentionDays',
] as const;

export const DEFAULT_PANE_DIR = 'addin/dist';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Lowercase letters, digits and single hyphens: usable in stack names and Cognito prefixes. */
export function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

const HOST_RE = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ACM_ARN_RE = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/;

/** An origin is scheme + host (+ port), nothing else: that is what browsers send in `Origin`. */
export function parseOrigin(text: string): string {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new ConfigError(`allowedOrigins: "${text}" is not a URL (expected e.g. https://localhost:3000)`);
  }
  // Office add-ins only load over HTTPS, so an http:// origin could never call the API.
  if (u.protocol !== 'https:') throw new ConfigError(`allowedOrigins: "${text}" must use https://`);
  if (u.pathname !== '/' || u.search !== '' || u.hash !== '' || text.replace(/\/$/, '') !== u.origin) {
    throw new ConfigError(`allowedOrigins: "${text}" must be an origin only (https://host[:port]), without a path`);
  }
  return u.origin;
}

function text(node: Node, key: string): string | undefined {
  const v: unknown = node.tryGetContext(key);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  throw new ConfigError(`context "${key}" must be a string`);
}

function list(node: Node, key: string): string[] {
  const v: unknown = node.tryGetContext(key);
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  throw new ConfigError(`context "${key}" must be a comma-separated string or a list`);
}

function domain(node: Node, key: string, certKey: string): { name?: string; cert?: string } {
  const name = text(node, key)?.toLowerCase();
  const cert = text(node, certKey);
  if (name === undefined && cert === undefined) return {};
  if (name === undefined || cert === undefined) throw new ConfigError(`context "${key}" and "${certKey}" go together`);
  if (!HOST_RE.test(name)) throw new ConfigError(`context "${key}": "${name}" is not a host name`);
  if (!ACM_ARN_RE.test(cert)) throw new ConfigError(`context "${certKey}": "${cert}" is not an ACM certificate ARN`);
  return { name, cert };
}

/** An empty directory would deploy an empty site (and BucketDeployment would prune the old one). */
function isNonEmptyDir(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).length > 0;
}

/** Reads and checks the context; `cwd` resolves a relative paneDir (the repository root). */
export function readConfig(node: Node, cwd = process.cwd()): PokinConfig {
  // A misspelt key (-c pemdaName=…) would otherwise be ignored silently and deploy defaults.
  // Namespaced keys (feature flags "@aws-cdk/…", "aws:cdk:…", lookups "x:account=…") are CDK's.
  const unknown = Object.keys(node.getAllContext()).filter((k) => !k.startsWith('@') && !k.includes(':') && k !== 'cli-telemetry' &&
    !(CONTEXT_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) throw new ConfigError(`unknown context key(s) ${unknown.join(', ')}; known: ${CONTEXT_KEYS.join(', ')}`);
  const pemda = text(node, 'pemda') ?? 'Pemda Contoh';
  const pemdaSlug = slug(pemda);
  if (pemdaSlug === '') throw new ConfigError(`context "pemda": "${pemda}" has no letters or digits`);
  const stage = text(node, 'stage') ?? 'dev';
  if (!/^[a-z][a-z0-9]{0,11}$/.test(stage)) throw new ConfigError(`context "stage": "${stage}" must be 1-12 lowercase letters/digits (e.g. dev, prod)`);

  // Cognito prefixes are global per region and may not contain "aws" or "amazon" or "cognito".
  const authDomainPrefix = text(node, 'authDomainPrefix') ?? `pokin-${pemdaSlug}-${stage}`.slice(0, 63).replace(/-+$/, '');
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(authDomainPrefix) || /aws|amazon|cognito/.test(authDomainPrefix)) {
    throw new ConfigError(`context "authDomainPrefix": "${authDomainPrefix}" must be lowercase letters, digits and hyphens, without "aws", "amazon" or "cognito"`);
  }

  const pane = domain(node, 'paneDomainName', 'paneCertificateArn');
  const api = domain(node, 'apiDomainName', 'apiCertificateArn');
  if (pane.cert !== undefined && !pane.cert.includes(':us-east-1:')) {
    throw new ConfigError('context "paneCertificateArn": CloudFront only accepts ACM certificates from us-east-1');
  }
  const extraOrigins = [...new Set(list(node, 'allowedOrigins').map(parseOrigin))];

  const dirText = text(node, 'paneDir') ?? DEFAULT_PANE_DIR;
  const paneDir = isAbsolute(dirText) ? dirText : resolve(cwd, dirText);
  const retention = Number(text(node, 'logRetentionDays') ?? (stage === 'prod' ? 365 : 30));
  // CloudWatch accepts only these values (1, 3, 5, 7, 14, 30, 60, 90, …, 3653).
  const allowed = (Object.values(RetentionDays).filter((v) => typeof v === 'number') as number[]).filter((v) => v > 0);
  if (!allowed.includes(retention)) {
    throw new ConfigError(`context "logRetentionDays": ${retention} is not one of ${allowed.sort((a, b) => a - b).join(', ')}`);
  }

  return {
    pemda, stage, stackName: `Pokin-${pemdaSlug}-${stage}`.slice(0, 128), authDomainPrefix,
    paneDomainName: pane.name, paneCertificateArn: pane.cert, apiDomainName: api.name, apiCertificateArn: api.cert,
    extraOrigins, paneDir, paneBuilt: isNonEmptyDir(paneDir),
    logRetentionDays: retention as RetentionDays,
  };
}
