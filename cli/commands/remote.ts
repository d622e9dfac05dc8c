/**
 * The commands that talk to the Pokin API: `dev-token`, `push`, `pull`. The HTTP work lives
 * in client/; this module parses arguments and prints answers in the chosen language.
 */
import { checkBasis, checkPeriode } from '../../core/wire/index.js';
import { waktuText } from '../../core/waktu.js';
import { realisasiDiLuarBasis } from '../../core/derive/consolidate/dokumen-sheets.js';
import { ApiFailure, apiOf } from '../../client/api.js';
import { pullConsolidatedWorkbook } from '../../client/consolidated.js';
import { pullDocWorkbook, pushDocWorkbook, refusedIssues } from '../../client/dokumen.js';
import { pullWorkbook, pushWorkbook } from '../../client/workbook.js';
import type { DocKind } from '../../core/wire/index.js';
import { langOf, parse, UsageError } from '../args.js';
import { humanReport, issueLines, type Lang } from '../format.js';
import type { CommandIO } from './validate.js';

export const REMOTE_HELP: Record<string, Record<Lang, string>> = {
  'dev-token': {
    id: `pokin dev-token --role PERAN --pemda KODE [--opd KODE_OPD] [--sub NAMA] [--api URL]

  Meminta token uji dari server lokal (npm start / npm run api). PERAN: perencana,
  organisasi, bappeda, admin. Hanya ada di server pengembangan.`,
    en: `pokin dev-token --role ROLE --pemda CODE [--opd KODE_OPD] [--sub NAME] [--api URL]

  Asks the local dev server (npm start / npm run api) for a test token. ROLE: perencana,
  organisasi, bappeda, admin. Exists only in the development server.`,
  },
  push: {
    id: `pokin push BERKAS.xlsx --api URL --token T [--base N] [--dry-run --body-out BERKAS]
pokin push BERKAS.xlsx --realisasi --tahun 2025 --api URL --token T [--base N]
pokin push BERKAS.xlsx --lke --tahun 2025 --api URL --token T [--base N]

  Memvalidasi dulu (error menghentikan kiriman), lalu mengirim pohon ke server.
  Versi dasar: --base, atau Info "Versi Server" (ditulis oleh pull), atau 0 untuk kiriman pertama.
  --realisasi: mengirim Rencana Aksi, Realisasi dan Pembanding tahun itu (dinilai terhadap pohon
  di server; kirim pohonnya dulu). --lke: mengirim jawaban LKE (dan "Kriteria LKE"); Catatan
  Evaluator diisi evaluator lewat server. Versi dasar dokumen: Info "Versi Server Realisasi 2025"
  atau "Versi Server LKE 2025" (ditulis oleh pull --realisasi/--lke).
  Kode keluar: 0 terkirim, 1 ditolak (error validasi atau konflik versi), 2 galat lain.`,
    en: `pokin push FILE.xlsx --api URL --token T [--base N] [--dry-run --body-out FILE]
pokin push FILE.xlsx --realisasi --tahun 2025 --api URL --token T [--base N]
pokin push FILE.xlsx --lke --tahun 2025 --api URL --token T [--base N]

  Validates first (errors stop the push), then sends the tree to the server.
  Base version: --base, else Info "Versi Server" (written by pull), else 0 for a first push.
  --realisasi: sends that year's Rencana Aksi, Realisasi and Pembanding (judged against the tree
  on the server; push the tree first). --lke: sends the LKE answers (and "Kriteria LKE"); the
  evaluator writes Catatan Evaluator through the server. A document's base version: Info
  "Versi Server Realisasi 2025" or "Versi Server LKE 2025" (written by pull --realisasi/--lke).
  Exit codes: 0 pushed, 1 refused (validation errors or a version conflict), 2 other failures.`,
  },
  pull: {
    id: `pokin pull --opd KODE_OPD --periode 2025-2029 --api URL --token T --out BERKAS.xlsx
           [--pemda KODE] [--version N] [--realisasi|--lke --tahun 2025]
pokin pull --consolidated --periode 2025-2029 --api URL --token T --out konsolidasi.xlsx
           [--pemda KODE] [--basis diterima|terbaru] [--tahun 2025]

  Menulis versi pohon (bawaan: terbaru) sebagai buku kerja kanonik; Status crosscutting
  mengikuti keputusan OPD tujuan, permintaan dari OPD lain ada di lembar "Crosscutting Masuk".
  --consolidated (Bagian Organisasi, Bappeda, admin): buku kerja konsolidasi semua OPD
  (Rekap OPD, Matriks Crosscutting, tabel dengan Kode OPD, Validasi lintas OPD).
  --basis diterima (bawaan): versi terakhir yang diterima tiap OPD; terbaru: versi terkini.
  --realisasi/--lke --tahun: pohon terkini beserta realisasi atau LKE tahun itu (--version =
  versi dokumen), LKE dengan Catatan Evaluator. --consolidated --tahun: ditambah lembar
  "Capaian OPD", "LKE OPD" dan kolom capaian di "Rekap OPD".
  --pemda bawaan dari token.`,
    en: `pokin pull --opd KODE_OPD --periode 2025-2029 --api URL --token T --out FILE.xlsx
           [--pemda CODE] [--version N] [--realisasi|--lke --tahun 2025]
pokin pull --consolidated --periode 2025-2029 --api URL --token T --out consolidated.xlsx
           [--pemda CODE] [--basis diterima|terbaru] [--tahun 2025]

  Writes a version of the tree (default: the latest) as a canonical workbook; crosscutting
  Status follows the target OPDs' decisions, requests from other OPDs are in "Crosscutting Masuk".
  --consolidated (Bagian Organisasi, Bappeda, admin): the consolidated workbook of every OPD
  (Rekap OPD, Matriks Crosscutting, tables with Kode OPD, cross-OPD Validasi).
  --basis diterima (default): each OPD's last accepted version; terbaru: the latest.
  --realisasi/--lke --tahun: the latest tree with that year's realisasi or LKE (--version = the
  document's version), the LKE with Catatan Evaluator. --consolidated --tahun: adds the sheets
  "Capaian OPD", "LKE OPD" and capaian columns in "Rekap OPD".
  --pemda defaults to the token's.`,
  },
};

const DEFAULT_API = 'http://127.0.0.1:4000';

function required(v: string | undefined, flag: string): string {
  if (v === undefined || v === '') throw new UsageError({ id: `${flag} wajib diisi.`, en: `${flag} is required.` });
  return v;
}

function tahunOf(v: string | undefined): number {
  const t = required(v, '--tahun');
  if (!/^\d{4}$/.test(t)) throw new UsageError({ id: `--tahun harus tahun 4 digit (bukan "${t}").`, en: `--tahun must be a 4-digit year (not "${t}").` });
  return Number(t);
}

/** `--realisasi` / `--lke` (at most one). */
function docKindOf(values: { realisasi?: boolean; lke?: boolean }): DocKind | null {
  if (values.realisasi && values.lke) throw new UsageError({ id: 'Pilih salah satu: --realisasi atau --lke.', en: 'Choose one: --realisasi or --lke.' });
  return values.realisasi ? 'realisasi' : values.lke ? 'lke' : null;
}

const DOC_NAME: Record<DocKind, string> = { realisasi: 'realisasi', lke: 'LKE' };

function wholeNumber(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError({ id: `${flag} harus bilangan bulat (bukan "${v}").`, en: `${flag} must be a whole number (not "${v}").` });
  return Number(v);
}

/**
 * Server failures are answered with the server's own bilingual message, an unreachable server
 * with its address and cause; exit 2. Anything else (an unusable workbook, a bug) is not a
 * server failure: it goes up to main, which names it (an unusable file as such, exit 2).
 */
function serverFailure(e: unknown, io: CommandIO, lang: Lang): number {
  if (!(e instanceof ApiFailure)) throw e;
  if (!e.network) {
    io.err(`${e.text(lang)} [${e.code}]`);
    return 2;
  }
  // fetch says "fetch failed"; the socket error under it (ECONNREFUSED, ENOTFOUND…) says why.
  const reason = e.cause instanceof Error ? e.cause : null;
  const sys = (reason?.cause ?? reason) as (Error & { code?: string }) | null;
  const why = sys?.code === 'ECONNREFUSED' ? { id: 'tidak ada server yang menjawab di alamat itu (apakah npm start atau npm run api sudah berjalan?)', en: 'nothing answers at that address (is npm start or npm run api running?)' }
    : sys?.code === 'ENOTFOUND' || sys?.code === 'EAI_AGAIN' ? { id: 'nama servernya tidak dikenal; periksa --api', en: 'the server name is not known; check --api' }
      : sys?.code === 'ETIMEDOUT' || sys?.code === 'UND_ERR_CONNECT_TIMEOUT' ? { id: 'server tidak menjawab tepat waktu; periksa jaringan', en: 'the server did not answer in time; check the network' }
        : reason?.message === 'bad port' ? { id: 'port itu diblokir untuk HTTP (daftar port terlarang fetch); pakai port lain di --api', en: 'that port is blocked for HTTP (fetch\'s bad-port list); use another port in --api' }
          : { id: 'gangguan jaringan', en: 'network failure' };
  const code = sys?.code ? ` [${sys.code}]` : reason ? ` [${reason.message}]` : '';
  io.err(lang === 'en' ? `Cannot reach the API: ${why.en}.${code}` : `API tidak dapat dihubungi: ${why.id}.${code}`);
  return 2;
}


export async function runDevToken(args: string[], io: CommandIO): Promise<number> {
  const { values } = parse(args, {
    role: { type: 'string' }, pemda: { type: 'string' }, opd: { type: 'string' }, sub: { type: 'string' },
    api: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  });
  const lang = langOf(values.lang);
  if (values.help) { io.out(REMOTE_HELP['dev-token'][lang]); return 0; }
  const role = required(values.role, '--role');
  const pemda = required(values.pemda, '--pemda');
  try {
    io.out(await apiOf({ api: values.api ?? DEFAULT_API }).devToken({ role, pemda, opd: values.opd, sub: values.sub }));
    return 0;
  } catch (e) {
    return serverFailure(e, io, lang);
  }
}

export async function runPush(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(args, {
    api: { type: 'string' }, token: { type: 'string' }, base: { type: 'string' }, 'dry-run': { type: 'boolean' },
    'body-out': { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    realisasi: { type: 'boolean' }, lke: { type: 'boolean' }, tahun: { type: 'string' },
  });
  const lang = langOf(values.lang);
  if (values.help) { io.out(REMOTE_HELP.push[lang]); return 0; }
  if (positionals.length !== 1) throw new UsageError({ id: 'Sebutkan tepat satu berkas: pokin push BERKAS.xlsx', en: 'Name exactly one file: pokin push FILE.xlsx' });
  const kind = docKindOf(values);
  if (kind) {
    if (values['dry-run'] || values['body-out']) throw new UsageError({ id: '--dry-run tidak berlaku dengan --realisasi/--lke.', en: '--dry-run does not apply with --realisasi/--lke.' });
    return runPushDoc(kind, positionals[0], values, io, lang);
  }
  if (values.tahun !== undefined) throw new UsageError({ id: '--tahun hanya bersama --realisasi atau --lke.', en: '--tahun goes with --realisasi or --lke only.' });
  const dryRun = values['dry-run'] === true;
  if (values['body-out'] && !dryRun) throw new UsageError({ id: '--body-out hanya bersama --dry-run.', en: '--body-out goes with --dry-run only.' });
  const token = dryRun ? values.token : required(values.token, '--token');
  try {
    const r = await pushWorkbook(positionals[0], {
      api: values.api ?? DEFAULT_API, token, baseVersion: wholeNumber(values.base, '--base'), dryRun, bodyOut: values['body-out'],
    });
    if (r.kind === 'invalid') {
      io.err(lang === 'en' ? 'Not pushed: the workbook has errors.' : 'Tidak dikirim: buku kerja masih memuat error.');
      io.out(humanReport(positionals[0], r.summary, r.issues.filter((i) => i.severity === 'E'), lang));
      return 1;
    }
    const where = `${r.ref.pemda} ${r.ref.periode} ${r.ref.opd}`;
    if (r.kind === 'dry-run') {
      io.out(lang === 'en'
        ? `Dry run for ${where}: ${r.bytes} bytes (gzip)${r.bodyOut ? ` written to ${r.bodyOut}` : ''}; nothing sent.`
        : `Uji kering untuk ${where}: ${r.bytes} bita (gzip)${r.bodyOut ? ` ditulis ke ${r.bodyOut}` : ''}; tidak ada yang dikirim.`);
      return 0;
    }
    const { version, hash } = r.answer;
    io.out(lang === 'en'
      ? `${r.created ? 'Pushed' : 'Already pushed (same submission)'}: ${where}, version ${version} (${hash.slice(0, 12)}).`
      : `${r.created ? 'Terkirim' : 'Sudah terkirim (kiriman yang sama)'}: ${where}, versi ${version} (${hash.slice(0, 12)}).`);
    return 0;
  } catch (e) {
    if (e instanceof ApiFailure && e.code === 'STALE_BASE') {
      io.err(staleMessage(e, lang, 'pokin pull'));
      return 1;
    }
    if (e instanceof ApiFailure && e.code === 'INVALID_TREE') {
      io.err(`${e.text(lang)} [${e.code}]`);
      return 1;
    }
    return serverFailure(e, io, lang);
  }
}

/** Conflict message of a 409 STALE_BASE, for the tree or a document. */
function staleMessage(e: ApiFailure, lang: Lang, pullHint: string): string {
  const d = (e.body?.error.details ?? {}) as { currentVersion?: number; by?: string; at?: string };
  return lang === 'en'
    ? `Conflict: the server already has version ${d.currentVersion} (by ${d.by} at ${waktuText(d.at ?? '', lang)}). Pull it (${pullHint}) and review, or push on top with --base ${d.currentVersion}.`
    : `Konflik: server sudah memuat versi ${d.currentVersion} (oleh ${d.by} pada ${waktuText(d.at ?? '', lang)}). Tarik dulu (${pullHint}) dan periksa, atau kirim di atasnya dengan --base ${d.currentVersion}.`;
}

async function runPushDoc(
  kind: DocKind, file: string, values: { api?: string; token?: string; base?: string; tahun?: string }, io: CommandIO, lang: Lang,
): Promise<number> {
  const tahun = tahunOf(values.tahun);
  const token = required(values.token, '--token');
  const name = DOC_NAME[kind];
  try {
    const r = await pushDocWorkbook(kind, file, tahun, { api: values.api ?? DEFAULT_API, token, baseVersion: wholeNumber(values.base, '--base') });
    if (r.kind === 'invalid') {
      const errors = r.check.issues.filter((i) => i.severity === 'E');
      io.err(lang === 'en' ? `Not pushed: the ${name} ${tahun} has ${errors.length} errors.` : `Tidak dikirim: ${name} ${tahun} memuat ${errors.length} error.`);
      io.out(issueLines(errors, lang).join('\n'));
      return 1;
    }
    const where = `${r.ref.pemda} ${r.ref.periode} ${r.ref.opd}`;
    const { version, hash, issues } = r.answer;
    const w = issues.filter((i) => i.severity === 'W').length;
    io.out(lang === 'en'
      ? `${r.created ? 'Pushed' : 'Already pushed (same submission)'}: ${name} ${tahun} of ${where}, version ${version} (${hash.slice(0, 12)}), ${w} warnings.`
      : `${r.created ? 'Terkirim' : 'Sudah terkirim (kiriman yang sama)'}: ${name} ${tahun} ${where}, versi ${version} (${hash.slice(0, 12)}), ${w} peringatan.`);
    if (w > 0) io.out(issueLines(issues.filter((i) => i.severity === 'W'), lang).join('\n'));
    return 0;
  } catch (e) {
    if (e instanceof ApiFailure && e.code === 'STALE_BASE') {
      io.err(staleMessage(e, lang, `pokin pull --${kind} --tahun ${tahun}`));
      return 1;
    }
    const refused = refusedIssues(e);
    if (e instanceof ApiFailure && e.code === 'INVALID_DOC') {
      io.err(`${e.text(lang)} [${e.code}]`);
      if (refused.length) io.out(issueLines(refused, lang).join('\n'));
      return 1;
    }
    return serverFailure(e, io, lang);
  }
}

export async function runPull(args: string[], io: CommandIO): Promise<number> {
  const { values } = parse(args, {
    opd: { type: 'string' }, pemda: { type: 'string' }, periode: { type: 'string' }, version: { type: 'string' },
    api: { type: 'string' }, token: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' },
    consolidated: { type: 'boolean' }, basis: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    realisasi: { type: 'boolean' }, lke: { type: 'boolean' }, tahun: { type: 'string' },
  });
  const lang = langOf(values.lang);
  if (values.help) { io.out(REMOTE_HELP.pull[lang]); return 0; }
  const periode = required(values.periode, '--periode');
  if (!checkPeriode(periode).ok) throw new UsageError({ id: `--periode harus seperti 2025-2029 (bukan "${periode}").`, en: `--periode must look like 2025-2029 (not "${periode}").` });
  const kind = docKindOf(values);
  if (values.consolidated) {
    if (kind) throw new UsageError({ id: '--realisasi/--lke tidak berlaku dengan --consolidated (pakai --tahun).', en: '--realisasi/--lke do not apply with --consolidated (use --tahun).' });
    return runPullConsolidated(values, periode, io, lang);
  }
  if (values.basis !== undefined) throw new UsageError({ id: '--basis hanya bersama --consolidated.', en: '--basis goes with --consolidated only.' });
  if (!kind && values.tahun !== undefined) throw new UsageError({ id: '--tahun hanya bersama --realisasi, --lke atau --consolidated.', en: '--tahun goes with --realisasi, --lke or --consolidated only.' });
  if (kind) {
    const tahun = tahunOf(values.tahun);
    try {
      const r = await pullDocWorkbook({
        api: values.api ?? DEFAULT_API, token: required(values.token, '--token'), opd: required(values.opd, '--opd'), pemda: values.pemda,
        periode, version: wholeNumber(values.version, '--version') ?? null, out: required(values.out, '--out'), kind, tahun,
      });
      io.out(lang === 'en'
        ? `Wrote ${r.out}: ${DOC_NAME[kind]} ${tahun} version ${r.version} (latest ${r.headVersion}), tree version ${r.treeVersion}.`
        : `Tertulis ${r.out}: ${DOC_NAME[kind]} ${tahun} versi ${r.version} (terbaru ${r.headVersion}), pohon versi ${r.treeVersion}.`);
      return 0;
    } catch (e) {
      return serverFailure(e, io, lang);
    }
  }
  try {
    const r = await pullWorkbook({
      api: values.api ?? DEFAULT_API, token: required(values.token, '--token'), opd: required(values.opd, '--opd'),
      pemda: values.pemda, periode, version: wholeNumber(values.version, '--version') ?? null, out: required(values.out, '--out'),
    });
    io.out(lang === 'en'
      ? `Wrote ${r.out}: version ${r.version} (latest ${r.headVersion}).`
      : `Tertulis ${r.out}: versi ${r.version} (terbaru ${r.headVersion}).`);
    return 0;
  } catch (e) {
    return serverFailure(e, io, lang);
  }
}

async function runPullConsolidated(
  values: { opd?: string; pemda?: string; version?: string; api?: string; token?: string; out?: string; basis?: string; tahun?: string },
  periode: string, io: CommandIO, lang: Lang,
): Promise<number> {
  if (values.opd !== undefined || values.version !== undefined) {
    throw new UsageError({ id: '--opd dan --version tidak berlaku dengan --consolidated.', en: '--opd and --version do not apply with --consolidated.' });
  }
  const basis = checkBasis(values.basis);
  if (!basis.ok) throw new UsageError({ id: `--basis harus diterima atau terbaru (bukan "${values.basis}").`, en: `--basis must be diterima or terbaru (not "${values.basis}").` });
  const token = required(values.token, '--token');
  const out = required(values.out, '--out');
  try {
    const tahun = values.tahun === undefined ? null : tahunOf(values.tahun);
    const a = await pullConsolidatedWorkbook({ api: values.api ?? DEFAULT_API, token, pemda: values.pemda, periode, basis: basis.value, tahun, out, lang });
    const present = a.sections.length;
    const expected = a.rekap.length;
    const e = a.issues.filter((i) => i.severity === 'E').length;
    const w = a.issues.filter((i) => i.severity === 'W').length;
    io.out(lang === 'en'
      ? `Wrote ${out}: ${present} of ${expected} trees (basis ${a.basis}), cross-OPD checks: ${e} errors, ${w} warnings.`
      : `Tertulis ${out}: ${present} dari ${expected} pohon (basis ${a.basis}), pemeriksaan lintas OPD: ${e} error, ${w} peringatan.`);
    if (a.tahun) {
      const luar = realisasiDiLuarBasis(a);
      const realisasi = a.rekap.filter((r) => r.capaian?.realisasiVersion != null).length - luar.length;
      io.out(lang === 'en'
        ? `Year ${a.tahun}: realisasi of ${realisasi} OPDs (Capaian OPD), LKE of ${a.lke?.length ?? 0} OPDs (LKE OPD).`
        : `Tahun ${a.tahun}: realisasi ${realisasi} OPD (Capaian OPD), LKE ${a.lke?.length ?? 0} OPD (LKE OPD).`);
      if (luar.length) {
        io.out(lang === 'en'
          ? `Not counted: the realisasi of ${luar.length} OPD(s) without an accepted tree (${luar.join(', ')}); pull with --basis terbaru to see them.`
          : `Tidak dihitung: realisasi ${luar.length} OPD yang pohonnya belum diterima (${luar.join(', ')}); tarik dengan --basis terbaru untuk melihatnya.`);
      }
    }
    return 0;
  } catch (e) {
    return serverFailure(e, io, lang);
  }
}
