/**
 * Reading an API Gateway HTTP API (payload 2.0) event: the caller, the path, the body.
 * Everything that is wrong with the request becomes an ApiError (400/401/403/413/415).
 */
import { gunzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Issue } from '../../core/issues.js';
import { reportWireLimits } from '../../core/read/limits.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import {
  checkOpd, checkPemda, checkPeriode, LIMITS, parseJsonText, type PathCheck, type TreePath, type WireProblem,
} from '../../core/wire/index.js';
import { authorize, principalFromClaims, type Access, type Claims, type Principal } from '../auth/principal.js';
import { ApiError } from './errors.js';

/** The handlers' event: HTTP API payload 2.0, with the JWT authorizer's claims when present. */
export type ApiEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Claims; scopes?: string[] | null } };
  };
};

export function requirePrincipal(event: ApiEvent): Principal {
  const p = principalFromClaims(event.requestContext.authorizer?.jwt?.claims);
  if (!p) throw new ApiError('UNAUTHENTICATED', 'Token tidak ada atau tidak sah.', 'Missing or invalid token.');
  return p;
}

export function requireAccess(p: Principal, access: Access, pemda: string, opd?: string): void {
  const d = authorize(p, access, pemda, opd);
  if (!d.allow) throw new ApiError('FORBIDDEN', d.message, d.messageEn);
}

function must<T>(c: PathCheck<T>): T {
  if (c.ok) return c.value;
  throw new ApiError('INVALID_PATH', c.message, c.messageEn, { field: c.field });
}

export function pemdaPath(event: ApiEvent): { pemda: string; periode: string; tahunAwal: number; tahunAkhir: number } {
  const pp = event.pathParameters ?? {};
  return { pemda: must(checkPemda(pp.pemda)), ...must(checkPeriode(pp.periode)) };
}

export function treePath(event: ApiEvent): TreePath {
  return { ...pemdaPath(event), opd: must(checkOpd(event.pathParameters?.opd)) };
}

function header(event: ApiEvent, name: string): string | undefined {
  const h = event.headers ?? {};
  if (h[name] !== undefined) return h[name];
  const found = Object.keys(h).find((k) => k.toLowerCase() === name);
  return found === undefined ? undefined : h[found];
}

const tooLarge = (what: string, whatEn: string, limit: number) =>
  new ApiError('PAYLOAD_TOO_LARGE', `${what} melebihi batas ${limit} bita.`, `${whatEn} exceeds the ${limit}-byte limit.`, { limit });

/** Raw bytes of the body: base64 decoded when flagged, gunzipped (bounded) for Content-Encoding gzip. */
export function bodyBytes(event: ApiEvent): Buffer {
  const raw = event.body ?? '';
  // Refuse on the encoded length first: no need to decode 50 MB to learn it is too big.
  const approx = event.isBase64Encoded ? Math.floor((raw.length * 3) / 4) : raw.length;
  if (approx > LIMITS.maxBodyBytes + 4) throw tooLarge('Badan permintaan', 'The request body', LIMITS.maxBodyBytes);
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > LIMITS.maxBodyBytes) throw tooLarge('Badan permintaan', 'The request body', LIMITS.maxBodyBytes);
  const enc = (header(event, 'content-encoding') ?? 'identity').trim().toLowerCase();
  if (enc === 'identity' || enc === '') return bytes;
  if (enc !== 'gzip') {
    throw new ApiError('UNSUPPORTED_ENCODING', `Content-Encoding "${enc.slice(0, 40)}" tidak didukung (pakai gzip).`, `Content-Encoding "${enc.slice(0, 40)}" is not supported (use gzip).`);
  }
  try {
    // maxOutputLength stops a gzip bomb at the limit instead of exhausting memory.
    return gunzipSync(bytes, { maxOutputLength: LIMITS.maxJsonBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      throw tooLarge('Isi yang sudah diekstrak', 'The decompressed body', LIMITS.maxJsonBytes);
    }
    throw new ApiError('BAD_REQUEST', 'Data gzip rusak atau terpotong.', 'The gzip data is corrupt or truncated.');
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body as parsed JSON (depth-guarded); 400 with the reason when it is not. */
export function jsonBody(event: ApiEvent): unknown {
  const bytes = bodyBytes(event);
  if (bytes.length === 0) throw new ApiError('INVALID_JSON', 'Badan permintaan kosong.', 'The request body is empty.');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new ApiError('INVALID_JSON', 'Badan permintaan bukan UTF-8 yang sah.', 'The request body is not valid UTF-8.');
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new ApiError('INVALID_JSON', parsed.problems[0].message, parsed.problems[0].messageEn);
  return parsed.value;
}

/**
 * 400 INVALID_BODY. With `issues` (F04, core/read/limits.ts: the same checks `validate` runs),
 * the answer names the sheet and cell of the first one, as `validate` would have.
 */
export function invalidBody(problems: WireProblem[], issues?: Issue[]): ApiError {
  const first = issues?.[0];
  if (!first) return new ApiError('INVALID_BODY', 'Isi permintaan tidak sesuai skema.', 'The request body does not match the schema.', { problems });
  const at = `'${first.sheet}'!${first.cell}`;
  return new ApiError('INVALID_BODY', `Isi permintaan tidak sesuai skema: ${at}: ${first.message}`,
    `The request body does not match the schema: ${at}: ${first.messageEn}`, { problems, issues });
}

/**
 * F04 issues of a body part with the snapshot's shape (a tree or a document), to name the
 * cell a limit refuses; undefined when it does not have that shape.
 */
export function snapshotLimitIssues(snapshot: unknown): Issue[] | undefined {
  const tables = (snapshot as { tables?: unknown } | null)?.tables;
  if (!Array.isArray(tables) || !tables.every((t) => typeof t?.sheet === 'string' && typeof t.address === 'string' &&
    Array.isArray(t.header) && Array.isArray(t.rows) && t.rows.every(Array.isArray))) return undefined;
  const issues: Issue[] = [];
  try {
    reportWireLimits(snapshot as WorkbookSnapshot, issues);
  } catch {
    return undefined;
  }
  return issues.slice(0, 20);
}

export function acceptsGzip(event: ApiEvent): boolean {
  return /\bgzip\b/i.test(header(event, 'accept-encoding') ?? '');
}
