/// <reference types="office-js" />
/**
 * The tree's identity and base version. Kept in workbook settings, which Office scopes per
 * add-in Id ("Settings are … specific to the add-in that created them",
 * https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings), and
 * the manifest generator gives each deployment origin its own Id, so a workbook opened with
 * another deployment's Pokin (or after a domain change) sees no settings. The base version is
 * therefore mirrored in Info `Versi Server` (what `pokin pull` writes too), and read from there
 * when the settings are missing (issue 11 #13).
 */
import { headerKey, INFO_VERSI_SERVER } from '../../core/layout/tables.js';
import { readWorkbook } from '../../core/read/index.js';
import type { CellValue } from '../../core/snapshot.js';
import type { TreeIdentity } from '../port.js';
import { cellValue } from './tables.js';
import type { PortContext } from './sync.js';

export const SETTINGS_KEY = 'pokin.identity';
const INFO_TABLE = 'Info';

interface InfoRead {
  table: Excel.Table;
  header: CellValue[];
  rows: CellValue[][];
  address: string;
}

async function readInfo(context: PortContext): Promise<InfoRead | null> {
  const probe = context.workbook.tables.getItemOrNullObject(INFO_TABLE);
  await context.sync();
  if (probe.isNullObject) return null;
  const t = context.workbook.tables.getItem(INFO_TABLE);
  const range = t.getRange();
  range.load('values,address');
  await context.sync();
  const values = (range.values as unknown[][]).map((r) => r.map(cellValue));
  return { table: t, header: values[0] ?? [], rows: values.slice(1), address: range.address };
}

export async function getIdentity(context: PortContext): Promise<TreeIdentity | null> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load('value');
  await context.sync();
  if (!item.isNullObject && typeof item.value === 'string') {
    try { return JSON.parse(item.value) as TreeIdentity; } catch { /* fall back to Info */ }
  }
  const info = await readInfo(context);
  if (!info) return null;
  const c = readWorkbook({ tables: [{ sheet: 'Info', name: INFO_TABLE, address: 'A1', header: info.header, rows: info.rows }] }).tree.config;
  if (c.versiServer === null) return null;
  const opd = c.kodeOpd.trim().toUpperCase() === 'PEMDA' ? 'PEMDA' : c.kodeOpd.trim();
  return { pemda: c.kodePemda.trim(), periode: c.tahunAwal && c.tahunAkhir ? `${c.tahunAwal}-${c.tahunAkhir}` : '', opd, baseVersion: c.versiServer };
}

/**
 * Settings and Info `Versi Server`, in the caller's Excel.run (one user action). `mirror`:
 * false when only a yearly document's version changed (the tree's base in Info stays as it is).
 */
export async function setIdentity(context: PortContext, id: TreeIdentity, mirror = true): Promise<void> {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(id));
  const info = mirror ? await readInfo(context) : null;
  if (info) {
    const k = info.header.findIndex((h) => headerKey(h) === 'kunci');
    const v = info.header.findIndex((h) => headerKey(h) === 'nilai');
    if (k >= 0 && v >= 0) {
      const at = info.rows.findIndex((r) => headerKey(r[k]) === headerKey(INFO_VERSI_SERVER));
      if (at >= 0) {
        info.table.getDataBodyRange().getCell(at, v).values = [[id.baseVersion]];
      } else {
        const row: (string | number)[] = info.header.map(() => '');
        row[k] = INFO_VERSI_SERVER;
        row[v] = id.baseVersion;
        info.table.rows.add(undefined, [row]);
      }
    }
  }
  await context.sync();
}
