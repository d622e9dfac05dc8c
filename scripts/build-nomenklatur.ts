/**
 * Builds the shipped nomenclature lists (SAKIP.md §3.8) from the extracts in
 * `../shared/domain/nomenklatur/` into compact ES modules under `core/nomenklatur/data/`.
 *
 *   npx tsx scripts/build-nomenklatur.ts
 *
 * Output: one module per list, `export default` a string with one line per row:
 *   kode|levelLetter|jenisFlags|nama|kinerja|indikator|satuan   (empty trailing fields omitted)
 * levelLetter: u urusan, b bidang urusan, p program, g kegiatan, s sub kegiatan.
 * jenisFlags: `p` provinsi, `k` kabupaten/kota, `pk` both (same name), empty for urusan.
 * Plain string modules load lazily with `import()` under Node/tsx, Vite and esbuild alike
 * (no fs, no JSON import attributes). The output is deterministic (sorted, no timestamps).
 */
import { readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = resolve(ROOT, '../shared/domain/nomenklatur');
const OUT = join(ROOT, 'core/nomenklatur/data');

const LEVEL_LETTER: Record<string, string> = { urusan: 'u', bidang_urusan: 'b', program: 'p', kegiatan: 'g', sub_kegiatan: 's' };

/** Minimal RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

interface OutRow { kode: string; level: string; jenis: '' | 'p' | 'k'; nama: string }

function clean(s: string): string {
  return s.replace(/[\u00a0\s]+/g, ' ').trim();
}

/** Parent before children; `X` before digits; numeric segment order. */
function compareCodes(a: string, b: string): number {
  const sa = a.split('.'), sb = b.split('.');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    if (sa[i] === sb[i]) continue;
    const na = /^X+$/.test(sa[i]) ? -1 : Number(sa[i]);
    const nb = /^X+$/.test(sb[i]) ? -1 : Number(sb[i]);
    return na - nb || (sa[i] < sb[i] ? -1 : 1);
  }
  return sa.length - sb.length;
}

function jenisOf(s: string): '' | 'p' | 'k' {
  if (s === 'provinsi') return 'p';
  if (s === 'kabupaten/kota') return 'k';
  if (s === '') return '';
  throw new Error(`unknown jenis_pemda ${s}`);
}

function check(field: string, what: string): string {
  if (/[|\n\r]/.test(field)) throw new Error(`${what}: field contains a separator: ${field}`);
  return field;
}

/** Rows → module lines; provinsi and kab/kota rows with the same name share one line (`pk`). */
function toLines(rows: OutRow[]): string[] {
  const byCode = new Map<string, OutRow[]>();
  for (const r of rows) {
    const list = byCode.get(r.kode) ?? [];
    list.push(r);
    byCode.set(r.kode, list);
  }
  const lines: string[] = [];
  for (const kode of [...byCode.keys()].sort(compareCodes)) {
    const list = byCode.get(kode)!.sort((a, b) => (a.jenis < b.jenis ? -1 : a.jenis > b.jenis ? 1 : 0));
    const groups = new Map<string, OutRow[]>();
    for (const r of list) {
      const g = groups.get(r.level + '|' + r.nama) ?? [];
      g.push(r);
      groups.set(r.level + '|' + r.nama, g);
    }
    for (const g of groups.values()) {
      const flags = g.map((r) => r.jenis).sort((a, b) => (a < b ? 1 : -1)).join('');
      const flagsOrdered = flags.includes('p') && flags.includes('k') ? 'pk' : flags;
      const fields = [check(kode, kode), LEVEL_LETTER[g[0].level], flagsOrdered, check(g[0].nama, kode)];
      while (fields.length > 3 && fields[fields.length - 1] === '') fields.pop();
      lines.push(fields.join('|'));
    }
  }
  return lines;
}

/** The 2020 list: active rows only (one per code + jenis), orphans rejected. */
function build2020(): { rows: OutRow[]; stats: Record<string, number> } {
  const csv = parseCsv(readFileSync(join(SRC, 'kepmendagri-050-3708-2020.csv'), 'utf8'));
  const active = new Map<string, Record<string, string>>();
  let inactive = 0, duplicates = 0;
  for (const r of csv) {
    const key = r.code + '|' + r.jenis_pemda;
    if (r.aktif !== '1') { inactive++; continue; }
    if (active.has(key)) { duplicates++; throw new Error(`two active rows for ${key}`); }
    active.set(key, r);
  }
  // Reject orphans, level by level, so that children of a rejected row go too.
  const kept = new Map<string, Record<string, string>>();
  const order = ['urusan', 'bidang_urusan', 'program', 'kegiatan', 'sub_kegiatan'];
  let orphans = 0;
  for (const level of order) {
    for (const [key, r] of active) {
      if (r.level !== level) continue;
      const p = r.parent_code;
      if (p && !kept.has(p + '|' + r.jenis_pemda) && !kept.has(p + '|')) { orphans++; continue; }
      kept.set(key, r);
    }
  }
  const rows: OutRow[] = [...kept.values()].map((r) => ({
    kode: r.code, level: r.level, jenis: jenisOf(r.jenis_pemda), nama: clean(r.name),
  }));
  return { rows, stats: { csvRows: csv.length, inactive, duplicates, orphans, kept: rows.length } };
}

/** The observed 2024 subset (kabupaten): every row, jenis = kabupaten/kota (urusan: none). */
function build2024(): { rows: OutRow[]; stats: Record<string, number> } {
  const csv = parseCsv(readFileSync(join(SRC, 'observed-2024-kab-madiun.csv'), 'utf8'));
  const codes = new Set(csv.map((r) => r.code));
  const seen = new Set<string>();
  const rows: OutRow[] = [];
  let orphans = 0;
  for (const r of csv) {
    if (seen.has(r.code)) throw new Error(`duplicate code ${r.code}`);
    seen.add(r.code);
    if (r.parent_code && !codes.has(r.parent_code)) { orphans++; continue; }
    rows.push({ kode: r.code, level: r.level, jenis: r.level === 'urusan' ? '' : 'k', nama: clean(r.name) });
  }
  return { rows, stats: { csvRows: csv.length, orphans, kept: rows.length } };
}

function escapeTemplate(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

function writeModule(file: string, header: string[], lines: string[]): void {
  const body = lines.join('\n');
  const text =
    '/* eslint-disable */\n// GENERATED by scripts/build-nomenklatur.ts. Do not edit; run `npx tsx scripts/build-nomenklatur.ts`.\n' +
    header.map((h) => `// ${h}`).join('\n') + '\n' +
    '// Line format: kode|level(u,b,p,g,s)|jenis(p,k,pk,"")|nama|kinerja|indikator|satuan (empty trailing fields omitted).\n' +
    'const data: string = `\n' + escapeTemplate(body) + '\n`;\nexport default data;\n';
  writeFileSync(join(OUT, file), text);
  const size = statSync(join(OUT, file)).size;
  const gz = gzipSync(text, { level: 9 }).length;
  console.log(`${file}: ${lines.length} lines, ${(size / 1024).toFixed(1)} KiB (${(gz / 1024).toFixed(1)} KiB gzip)`);
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const a = build2020();
  console.log('2020:', JSON.stringify(a.stats));
  writeModule('kepmendagri-050-3708-2020.ts', [
    'Klasifikasi, kodefikasi dan nomenklatur: the full list as of Kepmendagri 050-3708/2020',
    '(Permendagri 90/2019 as amended), provinsi and kabupaten/kota; active rows only, orphans rejected.',
    'Source: master parameter dump of SIMDA Perencanaan by BPKP (Badan Pengawasan Keuangan dan',
    'Pembangunan), public repository simda-id/simcan, file',
    'backup_dbmaster/simcan_master_parameter90_20201120.sql. Credit: BPKP. Its terms ask that BPKP',
    'be credited and forbid commercial use of the application. The codes and names themselves are',
    'set by regulation (Permendagri 90/2019, Kepmendagri 050-3708/2020).',
    'Complete for 2020; sub kegiatan codes 4 digits; support programs as X.XX.01….',
  ], toLines(a.rows));
  const b = build2024();
  console.log('2024:', JSON.stringify(b.stats));
  writeModule('observed-2024-kab-madiun.ts', [
    'Nomenclature codes one kabupaten (Kab. Madiun) used in its 2024 planning, following',
    'Kepmendagri 050-5889/2021 as amended by 900.1.15.5-1317/2023. A SUBSET: only the codes that',
    'kabupaten used; support programs written with the bidang\'s own prefix (and as X.XX).',
    'Source: public repository bappeda-dev-team/e-kak-backend (MIT licence), seeders of 2023-11',
    '(commit 8980de057e9131a632ec46999e9c8de8aacb5684). Credit: Bappeda Kabupaten Madiun /',
    'bappeda-dev-team. The codes and names themselves are set by regulation.',
  ], toLines(b.rows));
}

// Only when run, not when another script imports `parseCsv`.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
