/**
 * core/derive/consolidate on thirty generated OPDs and a pemda tree: the consolidated tables
 * (Kode OPD first, PEMDA first, rows identified by (Kode OPD, ID)), Rekap OPD, Matriks
 * Crosscutting, and each cross-OPD rule at the right consolidated row.
 */
import { crossOpdIssues } from '../../core/derive/consolidate/rules.js';
import { describe, expect, it } from 'vitest';
import {
  consolidate, linkContentHash, linkId, mergePages, pageAnswer, treeLinks, withLinkStatuses,
  type ConsolidateInput, type Consolidation, type LinkDecision, type OpdInput,
} from '../../core/derive/consolidate/index.js';
import { columnIndex } from '../../core/a1.js';
import { readWorkbook } from '../../core/read/index.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { levelCounts } from '../helpers/generate.js';
import { KODE_PEMDA, kodeOpd, opdSnapshot, opdWorkbook, PERIODE, pemdaSnapshot, YEARS } from '../helpers/opds.js';

const N = 30;
const GHOST = '9.01.0.00.0.00.01.0000'; // named as a crosscutting target, never pushed
const PENDING = kodeOpd(29); // has a HEAD, nothing accepted

/** OPD i asks OPD i+1 for S1 → S1; a few special cases exercise each rule. */
function opdTree(i: number): WorkbookSnapshot {
  const next = kodeOpd((i + 1) % N);
  const cc = [{ nodeId: 'S1', opdTujuan: next, nodeTujuan: 'S1', kontribusi: `Dukungan OPD ${i + 1}` }];
  if (i === 1) cc.push({ nodeId: 'S2', opdTujuan: GHOST, nodeTujuan: 'S1', kontribusi: 'x' }); // X02: target never pushed
  if (i === 2) cc.push({ nodeId: 'S2', opdTujuan: kodeOpd(3), nodeTujuan: 'S999', kontribusi: 'x' }); // X02: no such box
  if (i === 3) cc.push({ nodeId: 'S3', opdTujuan: kodeOpd(4), nodeTujuan: 'SS1', kontribusi: 'x' }); // X04: target higher
  return opdSnapshot(i, {
    refPemda: i === 7 ? 'SP99' : i === 8 ? 'TP1' : `SP${1 + (i % 4)}`, // SP5 is never referenced (T11)
    crosscutting: cc,
    patch: (wb) => {
      // N10: OPD 6 claims one sub kegiatan code of OPD 5.
      if (i === 6) {
        const theirs = opdWorkbook(5).pohon.find((r) => r.id === 'S2');
        const mine = wb.pohon.find((r) => r.id === 'S2');
        if (mine && theirs) mine.kode = theirs.kode;
      }
      // Hostile text from another user: stays data here; adapters write it as text.
      if (i === 9) wb.pohon[0].pernyataan = '=HYPERLINK("http://x","klik")';
    },
  });
}

function inputs(): ConsolidateInput {
  const opds: OpdInput[] = [{ opd: 'PEMDA', snapshot: pemdaSnapshot(5), version: 1, status: 'diterima', counts: { boxes: 6, indicators: 6, errors: 0, warnings: 0, infos: 0 }, head: { version: 1, at: '2025-01-01T00:00:00Z' } }];
  for (let i = 0; i < N; i++) {
    const pending = kodeOpd(i) === PENDING;
    opds.push({
      opd: kodeOpd(i), snapshot: pending ? null : opdTree(i), version: pending ? null : 2, status: pending ? null : 'diterima',
      counts: pending ? null : { boxes: 40, indicators: 120, errors: 0, warnings: 1, infos: 0 }, head: { version: 2, at: `2025-02-${String(i + 1).padStart(2, '0')}T00:00:00Z` },
    });
  }
  // OPD 1 approves OPD 0's request; OPD 2 rejects OPD 1's.
  const decide = (from: number, status: 'disetujui' | 'ditolak', reason: string, content?: string): LinkDecision => {
    const key = { sourceOpd: kodeOpd(from), nodeId: 'S1', targetOpd: kodeOpd(from + 1), nodeTujuan: 'S1' };
    return { ...key, linkId: linkId(key), status, reason, by: 'u', at: 't', rev: 1, contentHash: content ?? linkContentHash({ kontribusi: `Dukungan OPD ${from + 1}`, keterangan: '' }) };
  };
  return {
    pemda: KODE_PEMDA, periode: PERIODE, years: YEARS, basis: 'diterima', generatedAt: '2025-03-01T00:00:00Z', opds,
    decisions: [decide(0, 'disetujui', ''), decide(1, 'ditolak', 'Bukan kewenangan kami'), decide(4, 'ditolak', 'Lama', 'isi-lama')],
  };
}

const c: Consolidation = consolidate(inputs());
const section = (opd: string) => c.sections.find((s) => s.opd === opd);
/** The consolidated row an issue points at, as (Kode OPD, row values). */
function rowAt(table: 'pohon' | 'crosscutting', cell: string): { opd: string; row: (string | number | boolean | null)[] } {
  const n = Number(/\d+$/.exec(cell)?.[0]);
  for (const s of c.sections) {
    const t = s.tables[table];
    if (n >= t.firstRow && n < t.firstRow + t.rows.length) return { opd: s.opd, row: t.rows[n - t.firstRow] };
  }
  throw new Error(`no row ${cell}`);
}
const col = (table: 'pohon' | 'crosscutting', header: string) => c.headers[table].indexOf(header) - 1; // row arrays omit Kode OPD
const of = (rule: string) => c.issues.filter((i) => i.rule === rule);

describe('consolidate: tables', () => {
  it('puts PEMDA first, then the OPDs by code, with Kode OPD as the first column', () => {
    expect(c.sections[0].opd).toBe('PEMDA');
    expect(c.sections.map((s) => s.opd).slice(1)).toEqual([...c.sections.map((s) => s.opd).slice(1)].sort());
    expect(c.sections).toHaveLength(N); // 29 OPDs with an accepted version + PEMDA
    for (const k of ['info', 'jabatan', 'pohon', 'indikator', 'crosscutting'] as const) expect(c.headers[k][0]).toBe('Kode OPD');
    expect(c.headers.pohon).toContain('Pagu 2029');
    expect(c.headers.crosscutting.slice(-3)).toEqual(['Status', 'Alasan Tolak', 'ID Tautan']);
  });

  it('places the rows one after the other, and (Kode OPD, ID) identifies every row', () => {
    let next = 2;
    const keys = new Set<string>();
    for (const s of c.sections) {
      expect(s.tables.pohon.firstRow).toBe(next);
      next += s.tables.pohon.rows.length;
      for (const r of s.tables.pohon.rows) keys.add(`${s.opd}|${r[0]}`);
    }
    expect(keys.size).toBe(next - 2);
    expect(section(kodeOpd(0))?.tables.pohon.rows).toHaveLength(40);
    expect(section(kodeOpd(0))?.tables.indikator.rows).toHaveLength(120);
  });

  it('shows each link with the decision of its target, never the workbook cells', () => {
    const cc = (i: number) => section(kodeOpd(i))?.tables.crosscutting.rows[0] ?? [];
    const status = col('crosscutting', 'Status');
    expect(cc(0)[status]).toBe('Disetujui');
    expect(cc(1)[status]).toBe('Ditolak');
    expect(cc(1)[col('crosscutting', 'Alasan Tolak')]).toBe('Bukan kewenangan kami');
    expect(cc(4)[status]).toBe('Menunggu'); // rejected content was changed since: waiting again
    expect(cc(5)[status]).toBe('Menunggu');
    expect(cc(0)[col('crosscutting', 'ID Tautan')]).toBe(linkId({ sourceOpd: kodeOpd(0), nodeId: 'S1', targetOpd: kodeOpd(1), nodeTujuan: 'S1' }));
  });
});

describe('consolidate: Rekap OPD and Matriks Crosscutting', () => {
  it('has one row per expected OPD: PEMDA, every HEAD and every crosscutting target', () => {
    expect(c.rekap.map((r) => r.opd)).toEqual(['PEMDA', ...[...Array.from({ length: N }, (_, i) => kodeOpd(i)), GHOST].sort()]);
    const counts = levelCounts(40);
    const r0 = c.rekap.find((r) => r.opd === kodeOpd(0));
    expect(r0).toMatchObject({ namaOpd: 'Dinas Contoh 1', tujuan: counts[0], sasaran: counts[1], program: counts[2], kegiatan: counts[3], subKegiatan: counts[4], indikator: 120, statusReviu: 'diterima', version: 2, headVersion: 2 });
    expect(c.rekap.find((r) => r.opd === 'PEMDA')).toMatchObject({ tujuan: 1, sasaran: 5, program: 0 });
    expect(c.rekap.find((r) => r.opd === GHOST)).toMatchObject({ statusReviu: 'belum dikirim', version: null, lastPush: null });
    expect(c.rekap.find((r) => r.opd === PENDING)).toMatchObject({ statusReviu: 'belum diterima', version: null, headVersion: 2 });
  });

  it('adds the cross-OPD issues at an OPD to its Error / Peringatan counts', () => {
    // OPD 2: own 0 E / 1 W at push; X02 (E) and X03 ×2 (W) here.
    expect(c.rekap.find((r) => r.opd === kodeOpd(2))).toMatchObject({ errors: 1, warnings: 3 });
  });

  it('counts links per OPD pair as Disetujui/Menunggu/Ditolak', () => {
    const cell = (a: number, b: number) => c.matriks.cells.find((x) => x.from === kodeOpd(a) && x.to === kodeOpd(b));
    expect(cell(0, 1)).toMatchObject({ disetujui: 1, menunggu: 0, ditolak: 0 });
    expect(cell(1, 2)).toMatchObject({ disetujui: 0, menunggu: 0, ditolak: 1 });
    expect(cell(3, 4)).toMatchObject({ disetujui: 0, menunggu: 2, ditolak: 0 });
    expect(c.matriks.cells.find((x) => x.from === kodeOpd(1) && x.to === GHOST)).toMatchObject({ menunggu: 1 });
    expect(c.matriks.opd).not.toContain('PEMDA');
  });
});

describe('consolidate: cross-OPD rules fire at the right row', () => {
  it('T06: a root that names no Sasaran Pemda', () => {
    const t06 = of('T06');
    expect(t06.map((i) => i.opd).sort()).toEqual([kodeOpd(7), kodeOpd(8)]);
    for (const i of t06) {
      const at = rowAt('pohon', i.cell);
      expect(at.opd).toBe(i.opd);
      expect(at.row[0]).toBe('T1');
      expect(c.headers.pohon[columnIndex(i.cell.replace(/\d+$/, ''))]).toBe('Ref Pemda');
      expect(i.source?.sheet).toBe('Pohon Kinerja');
    }
    expect(t06.find((i) => i.opd === kodeOpd(8))?.message).toContain('bukan Sasaran Pemda');
  });

  it('T11: a Sasaran Pemda no OPD root references', () => {
    const t11 = of('T11');
    expect(t11).toHaveLength(1);
    expect(t11[0]).toMatchObject({ opd: 'PEMDA', severity: 'W', id: 'SP5' });
    expect(rowAt('pohon', t11[0].cell)).toEqual({ opd: 'PEMDA', row: expect.arrayContaining(['SP5']) });
  });

  it('N10: one sub kegiatan code claimed by two OPDs, at both rows', () => {
    const n10 = of('N10');
    expect(n10.map((i) => i.opd).sort()).toEqual([kodeOpd(5), kodeOpd(6)]);
    for (const i of n10) {
      const at = rowAt('pohon', i.cell);
      expect([at.opd, at.row[0]]).toEqual([i.opd, 'S2']);
      expect(c.headers.pohon[columnIndex(i.cell.replace(/\d+$/, ''))]).toBe('Kode');
    }
  });

  it('X02 (E): a target OPD that never pushed, and a target box that does not exist', () => {
    const x02 = of('X02');
    expect(x02.every((i) => i.severity === 'E')).toBe(true);
    expect(x02.map((i) => [i.opd, rowAt('crosscutting', i.cell).row[2]])).toEqual(expect.arrayContaining([[kodeOpd(1), 'S1'], [kodeOpd(2), 'S999']]));
    // OPD 28 asks OPD 29, which has no accepted version.
    expect(x02.find((i) => i.opd === kodeOpd(28))?.message).toContain('belum punya versi pohon yang diterima');
    expect(x02).toHaveLength(3);
  });

  it('X03: every link still waiting (and none that is decided)', () => {
    const x03 = of('X03');
    const waiting = x03.map((i) => `${i.opd} ${rowAt('crosscutting', i.cell).row[0]}`);
    expect(waiting).not.toContain(`${kodeOpd(0)} S1`); // approved
    expect(waiting).not.toContain(`${kodeOpd(1)} S1`); // rejected
    expect(waiting).toContain(`${kodeOpd(1)} S2`);
    expect(waiting).toContain(`${kodeOpd(4)} S1`); // rejected, then changed: waiting again
    expect(x03).toHaveLength(N - 1 - 2 + 3); // 28 OPDs' S1 links minus two decided, plus three extra rows
    for (const i of x03) expect(rowAt('crosscutting', i.cell).row[col('crosscutting', 'Status')]).toBe('Menunggu');
  });

  it('X04: a target box above the requesting box', () => {
    const x04 = of('X04');
    expect(x04).toHaveLength(1);
    const at = rowAt('crosscutting', x04[0].cell);
    expect([at.opd, at.row[0], at.row[2]]).toEqual([kodeOpd(3), 'S3', 'SS1']);
  });

  it('J05: expected OPDs without a tree, at their Rekap OPD row', () => {
    const j05 = of('J05');
    expect(j05.map((i) => i.opd).sort()).toEqual([GHOST, PENDING].sort());
    for (const i of j05) expect(c.rekap[Number(i.cell.slice(1)) - 2].opd).toBe(i.opd);
  });

  it('J05 names the pemda\'s own tree as Bappeda\'s, not as an "OPD PEMDA"', () => {
    const issues = crossOpdIssues({
      basis: 'terbaru', pemda: null, opds: [], decisions: new Map(),
      missing: [{ opd: 'PEMDA', hasHead: false }, { opd: GHOST, hasHead: false }],
      locate: () => ({ sheet: 'x', cell: 'A1' }), rekapCell: () => ({ sheet: 'Rekap OPD', cell: 'A2' }),
    });
    expect(issues.map((i) => i.message)).toEqual(['Pohon kinerja pemda (Bappeda) belum pernah dikirim.', `OPD ${GHOST} belum pernah mengirim pohon kinerja.`]);
  });
});

describe('consolidate: pages and pulls', () => {
  it('cuts between OPD sections and merges back to the same consolidation', () => {
    const p0 = pageAnswer(c, 0, 10, 0);
    const p1 = pageAnswer(c, 10, 25, 1);
    const p2 = pageAnswer(c, 25, c.sections.length, 2);
    expect(p0.page.next).not.toBeNull();
    expect(p2.page.next).toBeNull();
    expect(p1.issues).toEqual([]);
    const merged = mergePages([p0, p1, p2]);
    expect(merged.sections).toEqual(c.sections);
    expect(merged.issues).toEqual(c.issues);
  });

  it('writes the decisions into the source OPD pulled Crosscutting table', () => {
    const snap = opdTree(1);
    const links = treeLinks(kodeOpd(1), readWorkbook(snap).tree);
    const out = withLinkStatuses(snap, kodeOpd(1), [{ ...links[0], kontribusi: '', keterangan: '', status: 'Ditolak', alasanTolak: 'Bukan kewenangan kami' }]);
    const t = out.tables.find((x) => x.name === 'Crosscutting');
    const s = t?.header.indexOf('Status') ?? -1;
    expect(t?.rows.map((r) => [r[s], r[s + 1]])).toEqual([['Ditolak', 'Bukan kewenangan kami'], ['Menunggu', null]]);
  });
});
