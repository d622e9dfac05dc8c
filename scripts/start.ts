/**
 * `npm start`: the local API (functions/local, dynalite under .pokin/) and the task pane
 * over https://localhost:3000 (Vite, HMR), with /v1, /dev and /oauth2 (the local hosted UI)
 * proxied to the API, and the pane's pokin-config.json pointing its sign-in there. The
 * certificates come from office-addin-dev-certs' generateCertificates() into .pokin/certs
 * (no sudo, works offline); trusting the CA is a separate, explicit step printed below.
 * Falls back to an openssl self-signed certificate if generation fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const root = resolve(import.meta.dirname, '..');
const certDir = join(root, '.pokin', 'certs');
const PORT = Number(process.env.POKIN_PANE_PORT ?? 3000);

async function certificates(): Promise<{ key: Buffer; cert: Buffer; ca: string; source: string }> {
  mkdirSync(certDir, { recursive: true });
  const ca = join(certDir, 'ca.crt'), cert = join(certDir, 'localhost.crt'), key = join(certDir, 'localhost.key');
  const fresh = existsSync(cert) && Date.now() - statSync(cert).mtimeMs < 25 * 24 * 3600 * 1000;
  if (!fresh) {
    try {
      const { generateCertificates } = await import('office-addin-dev-certs');
      await generateCertificates(ca, cert, key, 30, ['127.0.0.1', 'localhost']);
    } catch (e) {
      console.warn(`office-addin-dev-certs failed (${String(e)}); using an openssl self-signed certificate.`);
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
      return { key: readFileSync(key), cert: readFileSync(cert), ca: cert, source: 'openssl (self-signed)' };
    }
  }
  return { key: readFileSync(key), cert: readFileSync(cert), ca, source: 'office-addin-dev-certs' };
}

const { startApiServer } = await import('../functions/local/server.js');
const { LOCAL_CLIENT_ID } = await import('../core/wire/pane.js');
process.env.POKIN_PANE_ORIGINS ??= `https://localhost:${PORT}`;
// The pane's run-time configuration, as a deployment writes it: sign-in through the local hosted UI
// (Authorization Code + PKCE, like Cognito), the API on the pane's origin (proxied).
process.env.POKIN_PANE_CONFIG ??= JSON.stringify({ api: '', auth: { domain: '', clientId: LOCAL_CLIENT_ID } });
const api = await startApiServer();
const tls = await certificates();
const { createServer } = await import('vite');
const vite = await createServer({
  configFile: join(root, 'vite.config.ts'),
  server: { port: PORT, strictPort: true, host: 'localhost', https: { key: tls.key, cert: tls.cert }, proxy: { '/v1': api.url, '/dev': api.url, '/health': api.url, '/oauth2': api.url } },
});
await vite.listen();

console.log(`
Pokin development stack
  API         ${api.url}   (data: ${api.dataDir})
  Task pane   https://localhost:${PORT}/taskpane.html   (certificate: ${tls.source})
  Preview     https://localhost:${PORT}/taskpane.html?preview   (any browser, opens an .xlsx)

Trust the development CA once (needs admin rights on your machine, not here):
  npx office-addin-dev-certs install        — or import ${tls.ca} into your trusted roots

Sideload manifest.xml
  Excel desktop (Windows): File › Options › Trust Center › Trust Center Settings › Trusted Add-in
    Catalogs: add a shared folder holding manifest.xml, restart Excel, then Insert › My Add-ins ›
    Shared Folder › Pokin.  Or: npx office-addin-debugging start manifest.xml desktop
  Excel desktop (Mac): copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
  Excel on the web: open a workbook › Home › Add-ins › More Add-ins › My Add-ins ›
    Upload My Add-in › choose ${join(root, 'manifest.xml')}

Ctrl+C stops both.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await vite.close();
  await api.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
// `npm start` runs this under sh, which a SIGTERM to npm ends without passing it on (dash): the
// servers would stay up, orphaned. So they also stop when the parent is gone.
const parent = process.ppid;
setInterval(() => {
  try { process.kill(parent, 0); } catch { void stop(); }
}, 1000).unref();
