/**
 * The Pokin API client, one for the CLI and the task pane: web-platform APIs only (fetch,
 * CompressionStream, crypto.getRandomValues), which Node 20 and every webview the pane
 * supports provide. Contract: core/wire. Push bodies go out gzip-compressed; every failure
 * is an `ApiFailure` carrying the server's bilingual error body.
 */
import type { WorkbookSnapshot } from '../core/snapshot.js';
import { treeSnapshot } from '../core/layout/pengukuran.js';
import { mergePages } from '../core/derive/consolidate/pages.js';
import {
  consolidatedUrl, docUrl, isErrorBody, treeUrl, type CatatanAnswer, type CatatanBody, type ConsolidatedAnswer, type ConsolidationBasis, type CrosscuttingAnswer, type DecisionAnswer,
  type DecisionBody, type DocAnswer, type DocKind, type DocPushBody, type ErrorBody, type OpdListAnswer, type PushAnswer, type PushBody, type ReviewAnswer, type ReviewBody,
  type StaleDetails, type TreeAnswer, type VersionsAnswer,
} from '../core/wire/index.js';

export interface TreeRef {
  pemda: string;
  periode: string;
  opd: string;
}

export interface ApiConfig {
  /** Base URL, e.g. http://127.0.0.1:4000; '' = same origin (the pane's dev server proxies /v1 and /dev). */
  base: string;
  /** The bearer token, or a getter for one that changes (the pane's sign-in). */
  token?: string | null | (() => string | null);
  fetch?: typeof fetch;
}

/** How the CLI and scripts name a server: its URL and a token. */
export interface ApiOptions {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  api: string;
  token?: string;
  fetch?: typeof fetch;
}

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly body: ErrorBody | null, readonly network = false, raw = '') {
    super(body ? `${body.error.code}: ${body.error.messageEn}` : network ? 'network error' : `HTTP ${status}${raw ? `: ${raw.slice(0, 200)}` : ''}`);
    this.name = 'ApiFailure';
  }
  get code(): string {
    return this.body?.error.code ?? (this.network ? 'NETWORK' : `HTTP_${this.status}`);
  }
  /** Offline, gateway down or a 5xx: the push may be retried with the same submissionId. */
  get retryable(): boolean {
    return this.network || this.status === 502 || this.status === 503 || this.status === 504;
  }
  get stale(): StaleDetails | null {
    if (this.status !== 409 || !this.body) return null;
    const d = this.body.error.details as Partial<StaleDetails> | undefined;
    return d && typeof d.currentVersion === 'number' ? { currentVersion: d.currentVersion, by: String(d.by ?? ''), at: String(d.at ?? '') } : null;
  }
  /** The server's message in the requested language. */
  text(lang: 'id' | 'en' = 'id'): string {
    if (this.body) return lang === 'en' ? this.body.error.messageEn : this.body.error.message;
    return this.network
      ? (lang === 'en' ? 'The server cannot be reached.' : 'Server tidak dapat dihubungi.')
      : `HTTP ${this.status}`;
  }
}

export function newSubmissionId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** The PUT body; a fresh submissionId unless one is given (reuse it only to retry the same push). */
export function pushBody(tree: WorkbookSnapshot, baseVersion: number, submissionId: string = newSubmissionId()): PushBody {
  // The tree document only: Rencana Aksi / Realisasi / Pembanding are a document of their own (SAKIP.md §12).
  return { baseVersion, submissionId, tree: treeSnapshot(tree) };
}

/** The body as sent on the wire: gzip of the JSON text. */
export async function encodePushBody(body: PushBody | DocPushBody): Promise<Uint8Array> {
  const stream = new Blob([JSON.stringify(body)]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The claims of a token, unverified (for defaults such as the pemda; the server verifies). */
export function tokenClaims(token: string): Record<string, unknown> {
  const part = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
  try {
    const bin = atob(part + '='.repeat((4 - (part.length % 4)) % 4));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)))) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const json = (v: unknown) => ({ bytes: JSON.stringify(v) as BodyInit, encoding: null });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class PokinApi {
  constructor(private readonly cfg: ApiConfig) {}

  private token(): string | null {
    const t = this.cfg.token;
    return typeof t === 'function' ? t() : (t ?? null);
  }

  private async call<T>(method: string, path: string, body?: { bytes: BodyInit; encoding: string | null }, anonymous = false): Promise<{ status: number; value: T }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = anonymous ? null : this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body) {
      headers['content-type'] = 'application/json';
      if (body.encoding) headers['content-encoding'] = body.encoding;
    }
    let res: Response;
    try {
      res = await (this.cfg.fetch ?? fetch)(`${this.cfg.base.replace(/\/+$/, '')}${path}`, { method, headers, ...(body ? { body: body.bytes } : {}) });
    } catch (cause) {
      const failure = new ApiFailure(0, null, true);
      failure.cause = cause;
      throw failure;
    }
    const text = await res.text();
    let parsed: unknown = null;
    try { parsed = text ? JSON.parse(text) : null; } catch { parsed = null; }
    if (!res.ok) throw new ApiFailure(res.status, isErrorBody(parsed) ? parsed : null, false, text);
    return { status: res.status, value: parsed as T };
  }

  /**
   * PUT the tree. With `attempts` > 1 a network failure or a 502/503/504 is retried with the
   * same submissionId, so a push that did commit answers 200 with its version instead of
   * creating a second one (the pane queues instead: attempts 1).
   */
  async push(ref: TreeRef, body: PushBody, attempts = 1): Promise<{ created: boolean; answer: PushAnswer }> {
    return this.putGzip(`${treeUrl(ref)}/tree`, body, attempts);
  }

  /** A gzip PUT; retryable failures are retried with the same body (the same submissionId). */
  private async putGzip(path: string, body: PushBody | DocPushBody, attempts: number): Promise<{ created: boolean; answer: PushAnswer }> {
    const bytes = await encodePushBody(body);
    for (let i = 1; ; i++) {
      try {
        const r = await this.call<PushAnswer>('PUT', path, { bytes: bytes as BodyInit, encoding: 'gzip' });
        return { created: r.status === 201, answer: r.value };
      } catch (e) {
        if (!(e instanceof ApiFailure && e.retryable) || i >= attempts) throw e;
        await sleep(300 * 2 ** i);
      }
    }
  }

  /**
   * PUT a per-year document (`realisasi`: `pengukuranSnapshot(snapshot, tahun)`; `lke`:
   * `lkeSnapshot(snapshot)`), gzip as the tree, retried as `push` is.
   */
  async pushDoc(kind: 'realisasi' | 'lke', ref: TreeRef, tahun: number, body: DocPushBody, attempts = 1): Promise<{ created: boolean; answer: PushAnswer }> {
    return this.putGzip(docUrl(kind satisfies DocKind, ref, tahun), body, attempts);
  }

  /** A per-year document (the LKE with the evaluator's `Catatan Evaluator`), HEAD or `version`. */
  async pullDoc(kind: 'realisasi' | 'lke', ref: TreeRef, tahun: number, version?: number | null): Promise<DocAnswer> {
    return (await this.call<DocAnswer>('GET', `${docUrl(kind, ref, tahun)}${version ? `?version=${version}` : ''}`)).value;
  }

  /** The evaluator's notes on an OPD's LKE (organisasi, admin); an empty text removes a note. */
  async lkeCatatan(ref: TreeRef, tahun: number, body: { catatan: { kode: string; catatan: string }[] }): Promise<{ version: number }> {
    return (await this.call<CatatanAnswer>('POST', `${docUrl('lke', ref, tahun)}/catatan`, json(body satisfies CatatanBody))).value;
  }

  async versions(ref: TreeRef): Promise<VersionsAnswer> {
    return (await this.call<VersionsAnswer>('GET', `${treeUrl(ref)}/versions`)).value;
  }

  async pull(ref: TreeRef, version?: number | null): Promise<TreeAnswer> {
    return (await this.call<TreeAnswer>('GET', `${treeUrl(ref)}/tree${version ? `?version=${version}` : ''}`)).value;
  }

  /** The OPDs of a pemda and period with their HEAD (a perencana gets its own row only). */
  async listOpd(pemda: string, periode: string): Promise<OpdListAnswer> {
    return (await this.call<OpdListAnswer>('GET', `/v1/pemda/${encodeURIComponent(pemda)}/periode/${encodeURIComponent(periode)}/opd`)).value;
  }

  /** Accept (`terima`) or return (`kembalikan`, note required) the HEAD version of an OPD. */
  async review(ref: TreeRef, body: ReviewBody): Promise<ReviewAnswer> {
    return (await this.call<ReviewAnswer>('POST', `${treeUrl(ref)}/review`, json(body))).value;
  }

  /** One page of the consolidation (`cursor` = the previous page's `page.next`). */
  async consolidatedPage(pemda: string, periode: string, basis?: ConsolidationBasis, cursor?: string, tahun?: number | null): Promise<ConsolidatedAnswer> {
    const q = new URLSearchParams();
    if (basis) q.set('basis', basis);
    if (tahun) q.set('tahun', String(tahun));
    if (cursor) q.set('cursor', cursor);
    const qs = q.toString();
    return (await this.call<ConsolidatedAnswer>('GET', `${consolidatedUrl(pemda, periode)}${qs ? `?${qs}` : ''}`)).value;
  }

  /**
   * The whole consolidation: every page by cursor, merged. A push or a decision between two
   * pages (409 CONSOLIDATION_CHANGED) starts it again, so the result is one consistent answer.
   * `tahun`: with each OPD's capaian and LKE of that year (`Capaian OPD`, `LKE OPD`).
   */
  async consolidated(
    pemda: string, periode: string, basis?: ConsolidationBasis, onPage?: (sections: number, of: number) => void, attempts = 3, tahun?: number | null,
  ): Promise<ConsolidatedAnswer> {
    for (let i = 1; ; i++) {
      try {
        const pages = [await this.consolidatedPage(pemda, periode, basis, undefined, tahun)];
        const report = () => onPage?.(pages.reduce((a, x) => a + x.sections.length, 0), pages[0].page.sectionCount);
        report();
        for (let next = pages[0].page.next; next; next = pages[pages.length - 1].page.next) {
          pages.push(await this.consolidatedPage(pemda, periode, basis, next, tahun));
          report();
        }
        return mergePages(pages);
      } catch (e) {
        if (!(e instanceof ApiFailure && e.code === 'CONSOLIDATION_CHANGED') || i >= attempts) throw e;
      }
    }
  }

  /** Outgoing and incoming crosscutting links of an OPD, with their status. */
  async crosscutting(ref: TreeRef): Promise<CrosscuttingAnswer> {
    return (await this.call<CrosscuttingAnswer>('GET', `${treeUrl(ref)}/crosscutting`)).value;
  }

  /** The target OPD's decision (`ref.opd` = the caller's own OPD; a reason is required to reject). */
  async decide(ref: TreeRef, linkId: string, body: DecisionBody): Promise<DecisionAnswer> {
    return (await this.call<DecisionAnswer>('POST', `${treeUrl(ref)}/crosscutting/${encodeURIComponent(linkId)}/decision`, json(body))).value;
  }

  /** Local stack only: a signed dev token for a role (`POST /dev/token`). */
  async devToken(req: { role: string; pemda: string; opd?: string; sub?: string }): Promise<string> {
    return (await this.call<{ token: string }>('POST', '/dev/token', json(req), true)).value.token;
  }
}

/** The client for CLI-style options. */
export function apiOf(o: ApiOptions): PokinApi {
  return new PokinApi({ base: o.api, token: o.token ?? null, fetch: o.fetch });
}
