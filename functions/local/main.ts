/**
 * `npm run api`: the local API alone (POKIN_PORT, default 4000; data under POKIN_DATA_DIR,
 * default `.pokin/`). Stops cleanly on Ctrl+C.
 */
import { startApiServer } from './server.js';

// The AWS SDK warns at client creation that it will need Node 22 from 2027; Lambda runs 22,
// the dev machine 20. The SDK's own switch silences it (read when the client is made).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const api = await startApiServer();
console.log(`Pokin API listening on ${api.url}`);
console.log(`  data: ${api.dataDir} · dev token: curl -s -X POST ${api.url}/dev/token -d '{"role":"perencana","pemda":"32.04","opd":"1.02.0.00.0.00.01.0000"}'`);
const stop = async () => {
  await api.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
