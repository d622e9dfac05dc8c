/**
 * HTTP client of the Pokin API for the CLI (Node 20 fetch). Bodies go out gzip-compressed;
 * answers come back decompressed by fetch. Failures throw ApiClientError carrying the
 * server's error body (bilingual message, code, details).
 */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { mergePages } from '../../core/derive/consolidate/pages.js';
import {
  consolidatedUrl, isErrorBody, treeUrl, type ConsolidatedAnswer, type ConsolidationBasis, type CrosscuttingAnswer,
  type DecisionAnswer, type DecisionBody, type ErrorBody, type OpdListAnswer, type PushAnswer, type PushBody, type ReviewAnswer,
  type ReviewBody, type TreeAnswer, type VersionsAnswer,
} from '../../core/wire/index.js';

export interface ApiOptions {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  api: string;
  token?: string;
  fetch?: typeof fetch;
}

export interface TreeRef {
  pemda: string;
  periode: string;
  opd: string;
}

export class ApiClientError extends Error {
  constructor(readonly status: number, readonly body: ErrorBody | null, text: string) {
    super(body ? `${body.error.code}: ${body.error.messageEn}` : `HTTP ${status}: ${text.slice(0, 200)}`);
    this.name = 'ApiClientError';
  }
  get code(): string {
    return this.body?.error.code ?? `HTTP_${this.status}`;
  }
  /** The server's message in the requested language. */
  text(lang: 'id' | 'en' = 'id'): string {
    if (!this.body) return this.message;
    return lang === 'en' ? this.body.error.messageEn : this.body.error.message;
  }
}

function base(api: string): string {
  return api.replace(/\/+$/, '');
}

async function call<T>(o: ApiOptions, method: string, path: string, body?: Uint8Array, extra: Record<string, string> = {}): Promise<{ status: number; value: T }> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'gzip', ...extra };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  const res = await (o.fetch ?? fetch)(`${base(o.api)}${path}`, { method, headers, body: body as BodyInit | undefined });
  const text = await res.text();
  let parsed: unknown = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = null; }
  if (!res.ok) throw new ApiClientError(res.status, isErrorBody(parsed) ? parsed : null, text);
  return { status: res.status, value: parsed as T };
}

/** The PUT body; a fresh submissionId unless one is given (reuse it only to retry the same push). */
export function makePushBody(tree: WorkbookSnapshot, baseVersion: number, submissionId: string = randomUUID()): PushBody {
  return { baseVersion, submissionId, tree };
}

/** The body as sent on the wire: gzip of the JSON text. */
export function encodePushBody(body: PushBody): Buffer {
  return gzipSync(JSON.stringify(body));
}

/**
 * PUT the tree. A network failure or a 503 is retried with the same submissionId, so a push
 * that did commit answers 200 with its version instead of creating a second one.
 */
export async function pushTree(o: ApiOptions, ref: TreeRef, body: PushBody, attempts = 3): Promise<{ created: boolean; answer: PushAnswer }> {
  const bytes = encodePushBody(body);
  for (let i = 1; ; i++) {
    try {
      const r = await call<PushAnswer>(o, 'PUT', `${treeUrl(ref)}/tree`, bytes, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      return { created: r.status === 201, answer: r.value };
    } catch (e) {
      const retryable = !(e instanceof ApiClientError) || e.status === 503;
      if (!retryable || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 300 * 2 ** i));
    }
  }
}

export async function pullTree(o: ApiOptions, ref: TreeRef, version?: number | null): Promise<TreeAnswer> {
  const q = version ? `?version=${version}` : '';
  return (await call<TreeAnswer>(o, 'GET', `${treeUrl(ref)}/tree${q}`)).value;
}

export async function listVersions(o: ApiOptions, ref: TreeRef): Promise<VersionsAnswer> {
  return (await call<VersionsAnswer>(o, 'GET', `${treeUrl(ref)}/versions`)).value;
}

export async function listOpd(o: ApiOptions, pemda: string, periode: string): Promise<OpdListAnswer> {
  const path = `/v1/pemda/${encodeURIComponent(pemda)}/periode/${encodeURIComponent(periode)}/opd`;
  return (await call<OpdListAnswer>(o, 'GET', path)).value;
}

export async function reviewTree(o: ApiOptions, ref: TreeRef, body: ReviewBody): Promise<ReviewAnswer> {
  const bytes = Buffer.from(JSON.stringify(body));
  return (await call<ReviewAnswer>(o, 'POST', `${treeUrl(ref)}/review`, bytes, { 'content-type': 'application/json' })).value;
}

/** One page of the consolidation (`cursor` from the previous page's `page.next`). */
export async function consolidatedPage(o: ApiOptions, pemda: string, periode: string, basis?: ConsolidationBasis, cursor?: string): Promise<ConsolidatedAnswer> {
  const q = new URLSearchParams();
  if (basis) q.set('basis', basis);
  if (cursor) q.set('cursor', cursor);
  const qs = q.toString();
  return (await call<ConsolidatedAnswer>(o, 'GET', `${consolidatedUrl(pemda, periode)}${qs ? `?${qs}` : ''}`)).value;
}

/**
 * The whole consolidation: follows the page cursors and merges the pages. When the data
 * changes between pages (a push or a decision meanwhile: 409 CONSOLIDATION_CHANGED) it starts
 * again, up to `attempts` times, so the result is always one consistent consolidation.
 */
export async function pullConsolidated(o: ApiOptions, pemda: string, periode: string, basis?: ConsolidationBasis, attempts = 3): Promise<ConsolidatedAnswer> {
  for (let i = 1; ; i++) {
    try {
      const pages = [await consolidatedPage(o, pemda, periode, basis)];
      while (pages[pages.length - 1].page.next) {
        pages.push(await consolidatedPage(o, pemda, periode, basis, pages[pages.length - 1].page.next ?? undefined));
      }
      return mergePages(pages);
    } catch (e) {
      if (!(e instanceof ApiClientError && e.code === 'CONSOLIDATION_CHANGED') || i >= attempts) throw e;
    }
  }
}

/** Outgoing and incoming crosscutting links of an OPD, with their status. */
export async function listCrosscutting(o: ApiOptions, ref: TreeRef): Promise<CrosscuttingAnswer> {
  return (await call<CrosscuttingAnswer>(o, 'GET', `${treeUrl(ref)}/crosscutting`)).value;
}

/** The target OPD's decision on a request (`ref.opd` = the target OPD; `linkId` from `incoming`). */
export async function decideCrosscutting(o: ApiOptions, ref: TreeRef, linkId: string, body: DecisionBody): Promise<DecisionAnswer> {
  const bytes = Buffer.from(JSON.stringify(body));
  return (await call<DecisionAnswer>(o, 'POST', `${treeUrl(ref)}/crosscutting/${encodeURIComponent(linkId)}/decision`, bytes, { 'content-type': 'application/json' })).value;
}

/** Local stack only: a signed dev token for a role (`POST /dev/token`). */
export async function devToken(o: ApiOptions, req: { role: string; pemda: string; opd?: string; sub?: string }): Promise<string> {
  const bytes = Buffer.from(JSON.stringify(req));
  return (await call<{ token: string }>({ ...o, token: undefined }, 'POST', '/dev/token', bytes, { 'content-type': 'application/json' })).value.token;
}

/** The claims of a token, unverified (for defaults such as the pemda; the server verifies). */
export function tokenClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
