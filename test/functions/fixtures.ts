/**
 * Shared fixtures of the backend tests: valid OPD and pemda trees, push bodies, claims of
 * every role, API Gateway events, and an in-process dynalite store.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import type { PushBody } from '../../core/wire/index.js';
import type { Role } from '../../functions/auth/principal.js';
import type { ApiEvent } from '../../functions/http/request.js';
import { startDynalite, type LocalDynamo } from '../../functions/local/dynalite.js';
import { DynamoTreeStore, type DynamoTreeStoreOptions } from '../../functions/store/dynamo.js';
import { makeSnapshot, validInput, type WorkbookInput } from '../helpers/snapshot.js';

// The SDK's "Node 22 from 2027" notice is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const PEMDA = '32.04';
export const OTHER_PEMDA = '32.05';
export const PERIODE = '2025-2027';
export const OPD = '1.02.0.00.0.00.01.0000';
export const OTHER_OPD = '1.03.0.00.0.00.01.0000';

export function opdTree(info: Record<string, string | number> = {}, patch: Partial<WorkbookInput> = {}): WorkbookSnapshot {
  const input = validInput();
  return makeSnapshot({ ...input, ...patch, info: { 'Kode OPD': OPD, ...info } });
}

/** A valid tree for `opd` (the Info follows the path). */
export function treeFor(opd: string, pemda = PEMDA): WorkbookSnapshot {
  return opd === 'PEMDA' ? pemdaTree(pemda) : opdTree({ 'Kode OPD': opd, 'Kode Pemda': pemda });
}

export function pemdaTree(pemda = PEMDA): WorkbookSnapshot {
  return makeSnapshot({
    info: { 'Kode OPD': 'PEMDA', 'Kode Pemda': pemda, 'Nama OPD': 'Pemerintah Kabupaten Contoh', 'Jenis Periode': 'RPJMD' },
    jabatan: [{ 'ID Jabatan': 'BUPATI', 'Nama Jabatan': 'Bupati', Jenjang: 'Kepala Daerah', 'Nama Pejabat': 'Budi', 'Unit Kerja': 'Pemda' }],
    pohon: [
      { ID: 'TP1', Level: 'Tujuan Pemda', 'Pernyataan Kinerja': 'Meningkatnya kesejahteraan masyarakat', 'Penanggung Jawab': 'BUPATI' },
      { ID: 'SP1', Induk: 'TP1', Level: 'Sasaran Pemda', 'Pernyataan Kinerja': 'Meningkatnya derajat kesehatan', 'Penanggung Jawab': 'BUPATI' },
    ],
    indikator: ['TP1', 'SP1'].map((id) => ({
      'ID Node': id, Indikator: `Indeks ${id}`, Satuan: 'Indeks', Polaritas: 'Positif', Akumulasi: 'Nilai Akhir', IKU: 'Ya',
      'Definisi Operasional': 'D', Formula: 'F', 'Sumber Data': 'S', 'Kondisi Awal': 1, 'Target 2025': 2, 'Target 2026': 3, 'Target 2027': 4, 'Kondisi Akhir': 4,
    })),
  });
}

export function pushBody(tree: WorkbookSnapshot = opdTree(), baseVersion = 0, submissionId: string = randomUUID()): PushBody {
  return { baseVersion, submissionId, tree };
}

export interface Who {
  role: Role | 'none';
  pemda?: string;
  opd?: string;
  sub?: string;
}

/** Claims in the API Gateway JWT authorizer shape (groups flattened to "[a b]"). */
export function claims(who: Who): Record<string, string> {
  const c: Record<string, string> = { sub: who.sub ?? `user-${who.role}-${who.opd ?? 'x'}`, 'custom:pemda': who.pemda ?? PEMDA };
  if (who.role !== 'none') c['cognito:groups'] = `[${who.role}]`;
  if (who.opd) c['custom:kode_opd'] = who.opd;
  return c;
}

export function apiEvent(o: {
  method: string; path: Record<string, string>; who?: Who | null; body?: unknown; query?: Record<string, string>;
  rawBody?: string; base64?: boolean; headers?: Record<string, string>;
}): ApiEvent {
  const body = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
  return {
    version: '2.0', routeKey: '$default', rawPath: '/', rawQueryString: '', headers: o.headers ?? {},
    pathParameters: o.path, queryStringParameters: o.query, body, isBase64Encoded: o.base64 ?? false,
    requestContext: {
      accountId: 't', apiId: 't', domainName: 't', domainPrefix: 't', requestId: randomUUID(), routeKey: '$default', stage: '$default',
      time: '', timeEpoch: 0, http: { method: o.method, path: '/', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      ...(o.who ? { authorizer: { jwt: { claims: claims(o.who), scopes: null } } } : {}),
    },
  } as ApiEvent;
}

export const treeParams = (opd = OPD, pemda = PEMDA, periode = PERIODE) => ({ pemda, periode, opd });

export interface TestStore {
  dynamo: LocalDynamo;
  store: DynamoTreeStore;
  tableName: string;
  close(): Promise<void>;
}

let tableSeq = 0;

/** A dynalite on a random port with a fresh table; extra client config for injected middleware. */
export async function startStore(opts: { client?: DynamoDBClientConfig; store?: Partial<DynamoTreeStoreOptions>; dynamo?: LocalDynamo } = {}): Promise<TestStore> {
  const tableName = `pokin-${process.pid}-${++tableSeq}`;
  const dynamo = opts.dynamo ?? await startDynalite();
  const { ensureTable } = await import('../../functions/store/table.js');
  const admin = dynamo.client();
  await ensureTable(admin, tableName);
  admin.destroy();
  const client = dynamo.client(opts.client);
  const store = new DynamoTreeStore({ client, tableName, log: () => {}, ...opts.store });
  return {
    dynamo, store, tableName,
    async close() {
      client.destroy();
      if (!opts.dynamo) await dynamo.close();
    },
  };
}

/** Every item of the table (tests only: production code never scans). */
export async function allItems(t: TestStore): Promise<Record<string, unknown>[]> {
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.store.doc.send(new ScanCommand({ TableName: t.tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * A quick retry strategy for tests (the SDK's own backs off up to seconds on throttling):
 * up to `maxAttempts` attempts for throttling and transient errors, 2 ms apart.
 */
export function fastRetry(maxAttempts: number) {
  const token = (n: number) => ({ getRetryCount: () => n, getRetryDelay: () => 2 });
  return {
    mode: 'standard',
    acquireInitialRetryToken: async () => token(0),
    refreshRetryTokenForRetry: async (t: { getRetryCount(): number }, info: { errorType: string; error?: unknown }) => {
      if (t.getRetryCount() + 1 >= maxAttempts || info.errorType === 'CLIENT_ERROR') throw info.error ?? new Error('no retry');
      return token(t.getRetryCount() + 1);
    },
    recordSuccess: () => {},
  };
}

/** Deterministic PRNG for fault injection: the generator's mulberry32. */
export { prng as seeded } from '../helpers/generate.js';
