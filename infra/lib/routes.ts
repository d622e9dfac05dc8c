/**
 * The routes infra/ deploys: one Lambda per route. The method/path/file triples must match
 * functions/http/routes.ts (a test checks it); this table adds what only the deployment
 * cares about: whether the route writes (IAM), its memory, timeout and throttle.
 * Kept separate from functions/http/routes.ts on purpose: importing that module would load
 * every handler (and the AWS SDK) into the CDK app.
 */
export interface DeployedRoute {
  method: 'GET' | 'PUT' | 'POST';
  /** API Gateway route path, e.g. `/v1/pemda/{pemda}/periode/{periode}/opd`. */
  path: string;
  /** Handler module `functions/http/<file>.ts`, exporting `handler`. */
  file: string;
  /** `read` routes get grantReadData only; `write` routes grantReadWriteData. */
  access: 'read' | 'write';
  memoryMb: number;
  /** Lambda timeout; the HTTP API gives up at 30 s anyway, so nothing goes beyond 29. */
  timeoutSeconds: number;
  /** Steady-state requests per second and burst, for the whole API (all callers). */
  rate: number;
  burst: number;
}

const PERIODE = '/v1/pemda/{pemda}/periode/{periode}';
const BASE = `${PERIODE}/opd`;

export const DEPLOYED_ROUTES: readonly DeployedRoute[] = [
  // Push parses, validates (core/) and gzips trees up to ~15 MB of JSON: memory is also CPU on
  // Lambda, so it gets the most. A pemda has a few dozen OPDs pushing a few times a day.
  { method: 'PUT', path: `${BASE}/{opd}/tree`, file: 'put-tree', access: 'write', memoryMb: 1769, timeoutSeconds: 29, rate: 5, burst: 10 },
  // Reading streams the stored JSON (no re-parse) but gzips multi-MB answers.
  { method: 'GET', path: `${BASE}/{opd}/tree`, file: 'get-tree', access: 'read', memoryMb: 1024, timeoutSeconds: 20, rate: 20, burst: 40 },
  { method: 'GET', path: `${BASE}/{opd}/versions`, file: 'list-versions', access: 'read', memoryMb: 256, timeoutSeconds: 10, rate: 20, burst: 40 },
  { method: 'GET', path: BASE, file: 'list-opd', access: 'read', memoryMb: 256, timeoutSeconds: 10, rate: 20, burst: 40 },
  // Review updates HEAD and writes an audit item.
  { method: 'POST', path: `${BASE}/{opd}/review`, file: 'review', access: 'write', memoryMb: 256, timeoutSeconds: 10, rate: 5, burst: 10 },
  // Consolidation loads, parses and merges every OPD's tree (60 × 400 boxes ≈ 20 MB of JSON) and
  // gzips the answer: read only, the most CPU (memory) of all, and rare (the Bagian Organisasi).
  { method: 'GET', path: `${PERIODE}/consolidated`, file: 'get-consolidated', access: 'read', memoryMb: 3008, timeoutSeconds: 29, rate: 2, burst: 4 },
  // One Query of the link items.
  { method: 'GET', path: `${BASE}/{opd}/crosscutting`, file: 'list-crosscutting', access: 'read', memoryMb: 256, timeoutSeconds: 10, rate: 20, burst: 40 },
  // Reads the source's HEAD tree, then a conditional update of the link item and an audit item.
  { method: 'POST', path: `${BASE}/{opd}/crosscutting/{id}/decision`, file: 'crosscutting-decision', access: 'write', memoryMb: 512, timeoutSeconds: 10, rate: 5, burst: 10 },
  // Realisasi: reads the OPD's HEAD tree, runs the R/U rules on both (core/), commits. A few
  // thousand rows a quarter: less than a tree push.
  { method: 'PUT', path: `${BASE}/{opd}/realisasi/{tahun}`, file: 'put-realisasi', access: 'write', memoryMb: 1024, timeoutSeconds: 29, rate: 5, burst: 10 },
  { method: 'GET', path: `${BASE}/{opd}/realisasi/{tahun}`, file: 'get-realisasi', access: 'read', memoryMb: 512, timeoutSeconds: 10, rate: 20, burst: 40 },
  // LKE: ~100 criteria; the push reads the notes of the version it replaces.
  { method: 'PUT', path: `${BASE}/{opd}/lke/{tahun}`, file: 'put-lke', access: 'write', memoryMb: 512, timeoutSeconds: 20, rate: 5, burst: 10 },
  { method: 'GET', path: `${BASE}/{opd}/lke/{tahun}`, file: 'get-lke', access: 'read', memoryMb: 256, timeoutSeconds: 10, rate: 20, burst: 40 },
  // The evaluator's notes: a new LKE version from HEAD (conditional update of HEAD, retried on a race).
  { method: 'POST', path: `${BASE}/{opd}/lke/{tahun}/catatan`, file: 'lke-catatan', access: 'write', memoryMb: 512, timeoutSeconds: 20, rate: 5, burst: 10 },
];

/** The API Gateway route key, e.g. `PUT /v1/pemda/{pemda}/…/tree`. */
export const routeKey = (r: Pick<DeployedRoute, 'method' | 'path'>): string => `${r.method} ${r.path}`;

/** Construct id of a route's function: `put-tree` → `PutTree`. */
export const routeId = (r: Pick<DeployedRoute, 'file'>): string =>
  r.file.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** Handler entry relative to the repository root. */
export const entryOf = (r: Pick<DeployedRoute, 'file'>): string => `functions/http/${r.file}.ts`;

/** Name of the environment variable functions/http/deps.ts reads the table name from. */
export const TABLE_ENV = 'POKIN_TABLE';
