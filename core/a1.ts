/** A1 address arithmetic, shared by every adapter. */

export function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses `B7` / `$B$7` into 0-based column and 1-based row. */
export function parseA1(address: string): { col: number; row: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Alamat sel tidak valid / invalid cell address: ${address}`);
  return { col: columnIndex(m[1]), row: Number(m[2]) };
}

export function a1(col0: number, row1: number): string {
  return `${columnLetter(col0)}${row1}`;
}

/** Quotes a sheet name for a formula or hyperlink: `'Pohon Kinerja'!D12`. */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
