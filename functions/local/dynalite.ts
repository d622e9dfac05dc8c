/**
 * Embedded dynalite for the local stack and the tests: in memory, or persisted with LevelDB
 * under a directory. Listens on 127.0.0.1 (port 0 = any free port).
 *
 * dynalite itself accepts any credentials (and answers CORS preflights), so any process on the
 * machine, or a web page in its browser, could read and write the local store through its port.
 * Each instance therefore makes random credentials, hands them only to its own clients, and
 * refuses every request whose SigV4 access key is not its own (the key travels over loopback
 * only: unprivileged processes cannot see it). The data directory is private to the user
 * (0700; files already there 0600), so LevelDB's files are not world-readable either.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo, Server } from 'node:net';
import { join } from 'node:path';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../store/table.js';

interface DynaliteOptions {
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}
// dynalite is CommonJS without type declarations.
const dynalite = createRequire(import.meta.url)('dynalite') as (o: DynaliteOptions) => Server;

export interface LocalDynamo {
  endpoint: string;
  /** A client for this engine; pass extra config (retries, middleware-free) as needed. */
  client(config?: DynamoDBClientConfig): DynamoDBClient;
  close(): Promise<void>;
}

/** Credentials for engines that check none (DynamoDB Local in the conformance tier). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The data directory readable by its owner only, LevelDB files already in it too. */
async function privateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await chmod(path, 0o700);
  for (const f of await readdir(path, { withFileTypes: true })) if (f.isFile()) await chmod(join(path, f.name), 0o600);
}

/** Only requests signed with `accessKeyId` reach dynalite. */
function guardCredentials(server: Server, accessKeyId: string): void {
  const expected = Buffer.from(accessKeyId);
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const key = /Credential=([^/,\s]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    const given = Buffer.from(key);
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      for (const h of handlers) h(req, res);
      return;
    }
    req.resume();
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#UnrecognizedClientException', message: 'The security token included in the request is invalid.' }));
  });
}

export async function startDynalite(opts: { path?: string; port?: number; tableName?: string } = {}): Promise<LocalDynamo> {
  if (opts.path) await privateDir(opts.path);
  const credentials = { accessKeyId: `pokin${randomBytes(12).toString('hex')}`, secretAccessKey: randomBytes(24).toString('hex') };
  const server = dynalite({ path: opts.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  guardCredentials(server, credentials.accessKeyId);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = (config: DynamoDBClientConfig = {}) =>
    new DynamoDBClient({ endpoint, region: 'local', credentials, ...config });
  if (opts.tableName) {
    const c = client();
    await ensureTable(c, opts.tableName);
    c.destroy();
  }
  // LevelDB has (re)written its files by now (CURRENT, LOG, the manifest): make them private too.
  if (opts.path) await privateDir(opts.path);
  return {
    endpoint,
    client,
    close: () => new Promise<void>((resolve) => {
      // Idle keep-alive sockets of SDK clients would hold close() open.
      (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
