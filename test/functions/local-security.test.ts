/**
 * The local stack's own doors: a dev token without `exp` is refused (it would never expire);
 * the embedded dynalite answers only its own clients (random credentials per instance) and
 * keeps its data directory private to the user.
 */
import { readFile, readdir, rm, stat, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynalite } from '../../functions/local/dynalite.js';
import { startApiServer, type ApiServer } from '../../functions/local/server.js';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../functions/local/tokens.js';
import { OPD, PEMDA, PERIODE } from './fixtures.js';

let dir: string;
let api: ApiServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pokin-local-sec-'));
  api = await startApiServer({ port: 0, dataDir: dir, log: () => {} });
});
afterAll(async () => {
  await api.stop();
  await rm(dir, { recursive: true, force: true });
});

async function devSigned(withExp: boolean): Promise<string> {
  const jwk = JSON.parse(await readFile(join(dir, 'dev-jwt-key.json'), 'utf8')) as JWK;
  const jwt = new SignJWT({ 'cognito:groups': ['perencana'], 'custom:pemda': PEMDA, 'custom:kode_opd': OPD, token_use: 'access' })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' }).setSubject('tanpa-exp').setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setIssuedAt();
  if (withExp) jwt.setExpirationTime('1h');
  return jwt.sign(await importJWK(jwk, 'RS256'));
}

describe('the local token check', () => {
  it('refuses a correctly signed token without exp, and accepts the same with one', async () => {
    await expect(api.issuer.verify(await devSigned(false))).rejects.toThrow(/exp/);
    expect((await api.issuer.verify(await devSigned(true))).sub).toBe('tanpa-exp');
    const url = `${api.url}/v1/pemda/${PEMDA}/periode/${PERIODE}/opd/${OPD}/versions`;
    expect((await fetch(url, { headers: { authorization: `Bearer ${await devSigned(false)}` } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${await devSigned(true)}` } })).status).toBe(200);
  });
});

describe('the embedded dynalite', () => {
  it('answers only clients with its own credentials', async () => {
    const stranger = new DynamoDBClient({ endpoint: api.dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await expect(stranger.send(new ListTablesCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    stranger.destroy();
    const anonymous = await fetch(api.dynamo.endpoint, { method: 'POST', headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables', 'content-type': 'application/x-amz-json-1.0' }, body: '{}' });
    expect(anonymous.status).toBe(400);
    const own = api.dynamo.client();
    expect((await own.send(new ListTablesCommand({}))).TableNames).toContain('pokin');
    own.destroy();
  });

  it('keeps its data files private to the user', async () => {
    const data = join(dir, 'second');
    const first = await startDynalite({ path: data, tableName: 'pokin' });
    await first.close();
    // The directory is the protection: 0700, so no other user opens any file in it, whatever
    // mode LevelDB gives the files it creates while running; files there once started are 0600.
    expect((await stat(data)).mode & 0o077).toBe(0);
    const files = (await readdir(data)).filter((f) => !f.startsWith('.'));
    expect(files.length).toBeGreaterThan(0);
    const again = await startDynalite({ path: data, tableName: 'pokin' });
    for (const f of files) {
      const s = await stat(join(data, f)).catch(() => null);
      if (s?.isFile()) expect(s.mode & 0o077, f).toBe(0);
    }
    await again.close();
  });
});
