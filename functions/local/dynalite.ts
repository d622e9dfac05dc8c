/**
 * Embedded dynalite for the local stack and the tests: in memory, or persisted with LevelDB
 * under a directory. Listens on 127.0.0.1 (port 0 = any free port).
 */
import { createRequire } from 'node:module';
import type { AddressInfo, Server } from 'node:net';
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

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export async function startDynalite(opts: { path?: string; port?: number; tableName?: string } = {}): Promise<LocalDynamo> {
  const server = dynalite({ path: opts.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = (config: DynamoDBClientConfig = {}) =>
    new DynamoDBClient({ endpoint, region: 'local', credentials: LOCAL_CREDENTIALS, ...config });
  if (opts.tableName) {
    const c = client();
    await ensureTable(c, opts.tableName);
    c.destroy();
  }
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
