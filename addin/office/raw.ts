/// <reference types="office-js" />
/**
 * A sheet's used range for adoption, read in row blocks so no response passes Excel on the web's
 * 5 MB limit (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices):
 * the first sync learns the shape (and the merged areas, ExcelApi 1.13), a first small block
 * measures the bytes per row, and the next blocks are sized from the largest row seen. A block
 * Excel still refuses is split in two and read again.
 */
import type { CellValue } from '../../core/snapshot.js';
import type { RawSheetValues } from '../port.js';
import { stripSheet } from './tables.js';
import type { PortContext } from './sync.js';

const FIRST_BLOCK_ROWS = 200;

function plain(v: unknown): CellValue {
  if (v === '' || v === undefined) return null;
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

export async function readRawSheetInBlocks(context: PortContext, name: string, mergedAreas: boolean): Promise<RawSheetValues> {
  const ws = context.workbook.worksheets.getItem(name);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('address,rowCount,columnCount');
  const merged = mergedAreas ? used.getMergedAreasOrNullObject() : null;
  merged?.load('areas/items/address');
  await context.sync();
  if (used.isNullObject) return { name, values: [], merges: [] };
  const origin = stripSheet(used.address).split(':')[0];
  const merges = merged && !merged.isNullObject ? merged.areas.items.map((a) => stripSheet(a.address)) : [];
  const top = Number(/\d+$/.exec(origin)![0]) - 1;
  const letters = /^[A-Z]+/.exec(origin)![0];
  let left = 0;
  for (const ch of letters) left = left * 26 + (ch.charCodeAt(0) - 64);
  left -= 1;
  const total = used.rowCount, width = used.columnCount;
  const values: CellValue[][] = [];
  let rowBytes = 0;
  let block = Math.min(total, FIRST_BLOCK_ROWS);
  for (let start = 0; start < total;) {
    const count = Math.min(block, total - start);
    const range = ws.getRangeByIndexes(top + start, left, count, width);
    range.load('values');
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized block: Excel on the web refuses a response over 5 MB
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || count === 1) throw e;
      block = Math.max(1, Math.floor(count / 2));
      continue;
    }
    const got = range.values as unknown[][];
    for (const row of got) {
      rowBytes = Math.max(rowBytes, JSON.stringify(row).length + 2);
      values.push(row.map(plain));
    }
    start += count;
    // Size the next block from the largest row seen, with room for the envelope.
    block = Math.max(1, Math.floor((context.budget * 0.8) / Math.max(1, rowBytes)));
  }
  return { name, origin, values, merges };
}
