/**
 * The pane's API client (browser fetch; the CLI's client in functions/client uses Node's
 * zlib and crypto). Contract: core/wire. The body goes out gzip-compressed when the browser
 * has CompressionStream; failures are `ApiFailure`s carrying the server's bilingual error.
 */
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { mergePages } from '../../core/derive/consolidate/pages.js';
import {
  consolidatedUrl, isErrorBody, treeUrl, type ConsolidatedAnswer, type ConsolidationBasis, type CrosscuttingAnswer, type DecisionAnswer,
  type DecisionBody, type ErrorBody, type OpdListAnswer, type PushAnswer, type PushBody, type ReviewAnswer, type ReviewBody,
  type StaleDetails, type TreeAnswer, type VersionsAnswer,
} from '../../core/wire/index.js';

export interface TreeRef {
  pemda: string;
  periode: string;
  opd: string;
}

export interface ApiConfig {
  /** Base URL; '' = same origin (the dev server proxies /v1 and /dev to the local API). */
  base: string;
  token: () => string | null;
  fetch?: typeof fetch;
}

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly body: ErrorBody | null, readonly network = false) {
    super(body ? `${body.error.code}: ${body.error.messageEn}` : network ? 'network error' : `HTTP ${status}`);
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
  text(lang: 'id' | 'en'): string {
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

async function gzip(text: string): Promise<{ body: BodyInit; encoding: string | null }> {
  if (typeof CompressionStream === 'undefined') return { body: text, encoding: null };
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return { body: await new Response(stream).arrayBuffer(), encoding: 'gzip' };
}

export class PokinApi {
  constructor(private readonly cfg: ApiConfig) {}

  private async call<T>(method: string, path: string, body?: { bytes: BodyInit; encoding: string | null }): Promise<{ status: number; value: T }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.cfg.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body) {
      headers['content-type'] = 'application/json';
      if (body.encoding) headers['content-encoding'] = body.encoding;
    }
    let res: Response;
    try {
      res = await (this.cfg.fetch ?? fetch)(`${this.cfg.base.replace(/\/+$/, '')}${path}`, { method, headers, ...(body ? { body: body.bytes } : {}) });
    } catch {
      throw new ApiFailure(0, null, true);
    }
    const text = await res.text();
    let parsed: unknown = null;
    try { parsed = text ? JSON.parse(text) : null; } catch { parsed = null; }
    if (!res.ok) throw new ApiFailure(res.status, isErrorBody(parsed) ? parsed : null);
    return { status: res.status, value: parsed as T };
  }

  async push(ref: TreeRef, body: PushBody): Promise<{ created: boolean; answer: PushAnswer }> {
    const z = await gzip(JSON.stringify(body));
    const r = await this.call<PushAnswer>('PUT', `${treeUrl(ref)}/tree`, { bytes: z.body, encoding: z.encoding });
    return { created: r.status === 201, answer: r.value };
  }

  async versions(ref: TreeRef): Promise<VersionsAnswer> {
    return (await this.call<VersionsAnswer>('GET', `${treeUrl(ref)}/versions`)).value;
  }

  async pull(ref: TreeRef, version?: number): Promise<TreeAnswer> {
    return (await this.call<TreeAnswer>('GET', `${treeUrl(ref)}/tree${version ? `?version=${version}` : ''}`)).value;
  }

  /** The OPDs of a pemda and period with their HEAD (a perencana gets its own row only). */
  async listOpd(pemda: string, periode: string): Promise<OpdListAnswer> {
    return (await this.call<OpdListAnswer>('GET', `/v1/pemda/${encodeURIComponent(pemda)}/periode/${encodeURIComponent(periode)}/opd`)).value;
  }

  /** Accept (`terima`) or return (`kembalikan`, note required) the HEAD version of an OPD. */
  async review(ref: TreeRef, body: ReviewBody): Promise<ReviewAnswer> {
    return (await this.call<ReviewAnswer>('POST', `${treeUrl(ref)}/review`, { bytes: JSON.stringify(body), encoding: null })).value;
  }

  /** One page of the consolidation (`cursor` = the previous page's `page.next`). */
  async consolidatedPage(pemda: string, periode: string, basis?: ConsolidationBasis, cursor?: string): Promise<ConsolidatedAnswer> {
    const q = new URLSearchParams();
    if (basis) q.set('basis', basis);
    if (cursor) q.set('cursor', cursor);
    const qs = q.toString();
    return (await this.call<ConsolidatedAnswer>('GET', `${consolidatedUrl(pemda, periode)}${qs ? `?${qs}` : ''}`)).value;
  }

  /**
   * The whole consolidation: every page by cursor, merged. A push or a decision between two
   * pages (409 CONSOLIDATION_CHANGED) starts it again, so the result is one consistent answer.
   */
  async consolidated(pemda: string, periode: string, basis?: ConsolidationBasis, onPage?: (sections: number, of: number) => void, attempts = 3): Promise<ConsolidatedAnswer> {
    for (let i = 1; ; i++) {
      try {
        const pages = [await this.consolidatedPage(pemda, periode, basis)];
        const report = () => onPage?.(pages.reduce((a, x) => a + x.sections.length, 0), pages[0].page.sectionCount);
        report();
        for (let next = pages[0].page.next; next; next = pages[pages.length - 1].page.next) {
          pages.push(await this.consolidatedPage(pemda, periode, basis, next));
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
    return (await this.call<DecisionAnswer>('POST', `${treeUrl(ref)}/crosscutting/${encodeURIComponent(linkId)}/decision`, { bytes: JSON.stringify(body), encoding: null })).value;
  }

  /** Local stack only. */
  async devToken(req: { role: string; pemda: string; opd?: string }): Promise<string> {
    const r = await this.call<{ token: string }>('POST', '/dev/token', { bytes: JSON.stringify(req), encoding: null });
    return r.value.token;
  }
}

export function pushBody(tree: WorkbookSnapshot, baseVersion: number, submissionId: string): PushBody {
  return { baseVersion, submissionId, tree };
}
