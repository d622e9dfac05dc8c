/**
 * The dev token issuer of the local stack (never deployed): an RS256 key pair generated once
 * and kept under the data directory, its JWKS, tokens with the Cognito claim names, and the
 * verification that stands in for the API Gateway JWT authorizer.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JSONWebKeySet, type JWK, type JWTPayload,
} from 'jose';
import { checkOpd, checkPemda } from '../../core/wire/index.js';
import { ROLES, type Role } from '../auth/principal.js';

export const DEV_ISSUER = 'pokin-local';
export const DEV_AUDIENCE = 'pokin';
const KEY_FILE = 'dev-jwt-key.json';

export interface DevTokenRequest {
  role: Role;
  pemda: string;
  opd?: string;
  sub?: string;
}

export interface DevIssuer {
  jwks: JSONWebKeySet;
  issue(req: DevTokenRequest, ttlSeconds?: number): Promise<string>;
  /** The payload of a valid token; throws for a bad signature, `alg`, issuer, audience or expiry. */
  verify(token: string): Promise<JWTPayload>;
}

export async function loadIssuer(dataDir: string): Promise<DevIssuer> {
  const file = join(dataDir, KEY_FILE);
  let priv: JWK;
  try {
    priv = JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    priv = { ...(await exportJWK(privateKey)), alg: 'RS256', kid: `pokin-dev-${Date.now().toString(36)}` };
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(priv), { mode: 0o600 });
  }
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = priv;
  const jwks: JSONWebKeySet = { keys: [{ ...pub, use: 'sig' }] };
  const signingKey = await importJWK(priv, 'RS256');
  const keySet = createLocalJWKSet(jwks);
  return {
    jwks,
    async issue(req, ttlSeconds = 12 * 3600) {
      return new SignJWT({
        'cognito:groups': [req.role],
        'custom:pemda': req.pemda,
        ...(req.opd ? { 'custom:kode_opd': req.opd } : {}),
        token_use: 'access',
      })
        .setProtectedHeader({ alg: 'RS256', kid: priv.kid, typ: 'JWT' })
        .setSubject(req.sub ?? `dev-${req.role}-${req.opd ?? req.pemda}`)
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .sign(signingKey);
    },
    async verify(token) {
      // Only RS256: `alg: none` and HMAC-with-the-public-key tokens are refused by jose here.
      // `exp` is required: jose checks it only when present, and a token without one never expires.
      const { payload } = await jwtVerify(token, keySet, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: ['RS256'], requiredClaims: ['exp'] });
      return payload;
    },
  };
}

/**
 * Claims as the API Gateway JWT authorizer hands them to Lambda: every value a string, arrays
 * flattened to "[a b]". The handlers parse that shape, so the local stack exercises it.
 */
export function gatewayClaims(payload: JWTPayload): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(payload)) {
    if (v === undefined || v === null) continue;
    out[k] = Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

export type DevTokenCheck = { ok: true; value: DevTokenRequest } | { ok: false; message: string; messageEn: string };

export function checkDevTokenRequest(v: unknown): DevTokenCheck {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, message: 'Badan harus objek JSON.', messageEn: 'The body must be a JSON object.' };
  const o = v as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !['role', 'pemda', 'opd', 'sub'].includes(k));
  if (extra.length) return { ok: false, message: `Kolom tidak dikenal: ${extra.join(', ')}.`, messageEn: `Unknown fields: ${extra.join(', ')}.` };
  if (typeof o.role !== 'string' || !(ROLES as readonly string[]).includes(o.role)) {
    return { ok: false, message: `role harus salah satu dari ${ROLES.join(', ')}.`, messageEn: `role must be one of ${ROLES.join(', ')}.` };
  }
  const pemda = checkPemda(typeof o.pemda === 'string' ? o.pemda : undefined);
  if (!pemda.ok) return pemda;
  let opd: string | undefined;
  if (o.opd !== undefined && o.opd !== null && o.opd !== '') {
    const c = checkOpd(typeof o.opd === 'string' ? o.opd : undefined);
    if (!c.ok) return c;
    opd = c.value;
  }
  if (o.role === 'perencana' && !opd) return { ok: false, message: 'Perencana memerlukan opd.', messageEn: 'A perencana needs an opd.' };
  if (o.sub !== undefined && (typeof o.sub !== 'string' || !/^[\w.@-]{1,128}$/.test(o.sub))) {
    return { ok: false, message: 'sub tidak valid.', messageEn: 'Invalid sub.' };
  }
  return { ok: true, value: { role: o.role as Role, pemda: pemda.value, opd, sub: o.sub as string | undefined } };
}
