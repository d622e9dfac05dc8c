/**
 * The local API: the same route handlers behind a small node:http adapter that builds
 * HTTP API (payload 2.0) events with the JWT authorizer's claims shape, an embedded dynalite
 * persisted under the data directory, the dev token issuer (`POST /dev/token`, JWKS at
 * `/.well-known/jwks.json`) and a Cognito-like hosted UI (`/oauth2/authorize`, `/oauth2/token`,
 * hosted-ui.ts) that exist only here.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { ApiError, errorAnswer, type Answer } from '../http/errors.js';
import type { ApiEvent } from '../http/request.js';
import type { Deps } from '../http/route.js';
import { matchRoute } from '../http/routes.js';
import { DynamoTreeStore, type DynamoTreeStoreOptions } from '../store/dynamo.js';
import { startDynalite, type LocalDynamo } from './dynalite.js';
import { HostedUi, type HostedUiOptions } from './hosted-ui.js';
import { checkDevTokenRequest, gatewayClaims, loadIssuer, type DevIssuer } from './tokens.js';

export interface ApiServerOptions {
  /** Default POKIN_PORT or 4000; 0 = any free port (tests). */
  port?: number;
  /** Default POKIN_DATA_DIR or `.pokin/`: dev key and dynalite's LevelDB files. */
  dataDir?: string;
  /** Keep DynamoDB data in memory (tests); the dev key still lives under dataDir. */
  inMemory?: boolean;
  tableName?: string;
  /** Extra DynamoDB client config and store options (tests inject middleware, the bench capacity). */
  clientConfig?: DynamoDBClientConfig;
  storeOptions?: Partial<DynamoTreeStoreOptions>;
  log?: (message: string, error?: unknown) => void;
  /**
   * The local hosted UI (/oauth2/*): which pane origins may be redirect URIs. Default
   * POKIN_PANE_ORIGINS (comma-separated) or https://localhost:3000, the `npm start` pane.
   */
  hostedUi?: Partial<HostedUiOptions>;
}

export interface ApiServer {
  url: string;
  port: number;
  dataDir: string;
  store: DynamoTreeStore;
  dynamo: LocalDynamo;
  issuer: DevIssuer;
  hostedUi: HostedUi;
  stop(): Promise<void>;
}

/** API Gateway HTTP APIs refuse bodies above 10 MB before Lambda sees them; so do we. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

export async function startApiServer(opts: ApiServerOptions = {}): Promise<ApiServer> {
  const dataDir = resolve(opts.dataDir ?? process.env.POKIN_DATA_DIR ?? '.pokin');
  const tableName = opts.tableName ?? 'pokin';
  const issuer = await loadIssuer(dataDir);
  const dynamo = await startDynalite({ path: opts.inMemory ? undefined : join(dataDir, 'dynamo'), tableName });
  const client = dynamo.client({ maxAttempts: 6, ...opts.clientConfig });
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(`[pokin] ${m}`, e ?? ''));
  const store = new DynamoTreeStore({ client, tableName, log, ...opts.storeOptions });
  const deps: Deps = { store, log };
  const origins = (process.env.POKIN_PANE_ORIGINS ?? 'https://localhost:3000').split(',').map((o) => o.trim()).filter(Boolean);
  const hostedUi = new HostedUi(issuer, { redirectOrigins: origins, ...opts.hostedUi });

  const server = createServer((req, res) => {
    serve(req, res, deps, issuer, hostedUi).catch((e) => send(res, errorAnswer(e, log)));
  });
  const port = opts.port ?? Number(process.env.POKIN_PORT ?? 4000);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`, port: actual, dataDir, store, dynamo, issuer, hostedUi,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      client.destroy();
      await dynamo.close();
    },
  };
}

function send(res: ServerResponse, a: Answer | { statusCode?: number; headers?: Record<string, unknown>; body?: string; isBase64Encoded?: boolean }): void {
  if (res.headersSent) return;
  const body = a.body === undefined ? Buffer.alloc(0) : a.isBase64Encoded ? Buffer.from(a.body, 'base64') : Buffer.from(a.body, 'utf8');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(a.headers ?? {})) headers[k] = String(v);
  headers['content-length'] = String(body.length);
  res.writeHead(a.statusCode ?? 200, headers);
  res.end(body);
}

const json = (statusCode: number, value: unknown): Answer =>
  ({ statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) });

/** Reads the body, stopping (413) past the gateway limit instead of buffering it all. */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((ok, fail) => {
    const parts: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) over = true;
      else parts.push(c);
    });
    req.on('end', () => ok(over ? null : Buffer.concat(parts)));
    req.on('error', fail);
  });
}

async function serve(req: IncomingMessage, res: ServerResponse, deps: Deps, issuer: DevIssuer, hostedUi: HostedUi): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const body = await readBody(req);
  if (body === null) {
    return send(res, errorAnswer(new ApiError('PAYLOAD_TOO_LARGE', 'Permintaan terlalu besar.', 'Request too large.', { limit: MAX_REQUEST_BYTES })));
  }
  if (method === 'GET' && url.pathname === '/.well-known/jwks.json') return send(res, json(200, issuer.jwks));
  const signIn = await hostedUi.handle(method, url, body.toString('utf8'));
  if (signIn) return send(res, { statusCode: signIn.status, headers: signIn.headers, body: signIn.body });
  if (method === 'GET' && url.pathname === '/health') return send(res, json(200, { ok: true }));
  if (method === 'POST' && url.pathname === '/dev/token') {
    let parsed: unknown;
    try { parsed = JSON.parse(body.toString('utf8')); } catch { parsed = undefined; }
    const c = checkDevTokenRequest(parsed);
    if (!c.ok) return send(res, errorAnswer(new ApiError('INVALID_BODY', c.message, c.messageEn)));
    return send(res, json(200, { token: await issuer.issue(c.value) }));
  }

  const match = matchRoute(method, url.pathname);
  if (!match || !('route' in match)) {
    return send(res, errorAnswer(new ApiError('ROUTE_NOT_FOUND', 'Rute tidak ditemukan.', 'Route not found.',
      match ? { allowed: match.allowed } : undefined)));
  }
  // The gateway's JWT authorizer: no valid bearer token, no call to the handler.
  const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  let claims: Record<string, string>;
  try {
    if (!auth) throw new Error('no bearer token');
    claims = gatewayClaims(await issuer.verify(auth[1]));
  } catch {
    return send(res, errorAnswer(new ApiError('UNAUTHENTICATED', 'Token tidak ada atau tidak sah.', 'Missing or invalid token.')));
  }
  const event = toEvent(req, url, method, body, match.route.method + ' ' + match.route.path, match.params, claims);
  send(res, await match.route.handle(event, deps));
}

function toEvent(
  req: IncomingMessage, url: URL, method: string, body: Buffer, routeKey: string,
  pathParameters: Record<string, string>, claims: Record<string, string>,
): ApiEvent {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
  // Like API Gateway: text bodies as strings, anything compressed or not UTF-8 as base64.
  let text: string | undefined;
  let isBase64Encoded = false;
  if (body.length > 0) {
    const utf8 = body.toString('utf8');
    if (!headers['content-encoding'] && Buffer.byteLength(utf8) === body.length && !utf8.includes('\uFFFD')) text = utf8;
    else { text = body.toString('base64'); isBase64Encoded = true; }
  }
  const now = new Date();
  return {
    version: '2.0', routeKey, rawPath: url.pathname, rawQueryString: url.search.slice(1), headers,
    queryStringParameters: Object.keys(query).length ? query : undefined, pathParameters, body: text, isBase64Encoded,
    requestContext: {
      accountId: 'local', apiId: 'local', domainName: '127.0.0.1', domainPrefix: 'local', requestId: randomUUID(), routeKey,
      stage: '$default', time: now.toISOString(), timeEpoch: now.getTime(),
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      authorizer: { jwt: { claims, scopes: null } },
    },
  };
}
