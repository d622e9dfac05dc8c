import { describe, expect, it } from 'vitest';
import { columnAt, type WorkbookSnapshot } from '../../core/snapshot.js';

const snapshot: WorkbookSnapshot = {
  tables: [
    { sheet: 'Pohon Kinerja', name: 'PohonKinerja', address: 'A1', header: ['ID', 'Induk', 'Level', 'Pernyataan Kinerja'], rows: [['T1', null, 'Tujuan', 'x'], ['S1', 'T1', 'Sasaran Strategis', 'y']] },
    { sheet: 'Info', name: 'Info', address: 'B3', header: ['Kunci', 'Nilai'], rows: [['Pemda', 'Kabupaten Contoh']] },
  ],
};

describe('the table column of a cell (the preview editor names it)', () => {
  it('names the column of a cell inside a table, its header row included, sheet names without case', () => {
    expect(columnAt(snapshot, 'Pohon Kinerja', 'D3')).toEqual({ table: 'PohonKinerja', header: 'Pernyataan Kinerja' });
    expect(columnAt(snapshot, 'pohon kinerja', 'A1')).toEqual({ table: 'PohonKinerja', header: 'ID' });
    expect(columnAt(snapshot, 'Info', 'C4')).toEqual({ table: 'Info', header: 'Nilai' });
    // The row below the last one: typing there extends the table.
    expect(columnAt(snapshot, 'Pohon Kinerja', 'C4')).toEqual({ table: 'PohonKinerja', header: 'Level' });
  });

  it('says nothing outside every table or for a bad address', () => {
    expect(columnAt(snapshot, 'Pohon Kinerja', 'E2')).toBeNull();
    expect(columnAt(snapshot, 'Info', 'A4')).toBeNull();
    expect(columnAt(snapshot, 'Info', 'B2')).toBeNull();
    expect(columnAt(snapshot, 'Pohon Kinerja', 'D9')).toBeNull();
    expect(columnAt(snapshot, 'Pohon Kinerja', 'ZZZZ1')).toBeNull();
  });
});
