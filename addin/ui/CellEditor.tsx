/**
 * Preview only: a cell editor, so a workbook can be filled and fixed without Excel. Any cell
 * can be chosen (sheet + address, e.g. `Pohon Kinerja` `D5`); clicking an issue or a box
 * chooses its cell. It sits at the bottom of the pane (sticky) and takes the focus on a
 * click, so it is in view wherever the clicked issue was in the list.
 */
import { Button, Input, Select, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { CellValue } from '../../core/snapshot.js';
import { useT } from './i18n.js';

export interface CellEditorProps {
  at: { sheet: string; cell: string } | null;
  read: (sheet: string, cell: string) => Promise<CellValue>;
  write: (sheet: string, cell: string, value: CellValue) => Promise<void>;
  /** Sheets to choose from (the canonical ones first). */
  sheets?: string[];
  /** The table column of a cell (`Pernyataan Kinerja`), shown beside its address. */
  columnOf?: (sheet: string, cell: string) => string | null;
}

const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

export function CellEditor({ at, read, write, sheets = [], columnOf }: CellEditorProps) {
  const t = useT();
  const [sheet, setSheet] = useState(at?.sheet ?? sheets[0] ?? '');
  const [cell, setCell] = useState(at?.cell ?? 'A2');
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const where = { sheet: sheet || sheets[0] || '', cell: cell.trim().toUpperCase() };
  // A click on an issue or a box chooses its cell (state adjusted while rendering, not in an effect).
  const [lastAt, setLastAt] = useState(at);
  if (at !== lastAt) {
    setLastAt(at);
    if (at) { setSheet(at.sheet); setCell(at.cell); }
  }
  useEffect(() => { if (at) input.current?.focus({ preventScroll: true }); }, [at]);
  useEffect(() => {
    if (!where.sheet || !A1.test(where.cell)) return;
    let live = true;
    void read(where.sheet, where.cell).then((v) => { if (live) setValue(v === null ? '' : String(v)); });
    return () => { live = false; };
  }, [where.sheet, where.cell, read]);
  const valid = !!where.sheet && A1.test(where.cell);
  const column = valid && columnOf ? columnOf(where.sheet, where.cell) : null;
  return (
    <form className="pokin-editor" data-testid="cell-editor" onSubmit={(e) => {
      e.preventDefault();
      if (!valid) return;
      // The port stores it as Excel would: a number unless the cell is text-formatted (IDs, codes).
      void write(where.sheet, where.cell, value);
    }}>
      <Text size={200}>{t('editor')}: <b data-testid="editor-cell">{where.sheet}!{where.cell}</b>{column && <span data-testid="editor-column"> · {column}</span>}</Text>
      <div className="pokin-row">
        <Select value={where.sheet} onChange={(_, d) => setSheet(d.value)} aria-label={t('sheet')} data-testid="editor-sheet" className="pokin-grow">
          {(sheets.includes(where.sheet) || !where.sheet ? sheets : [where.sheet, ...sheets]).map((s) => <option key={s}>{s}</option>)}
        </Select>
        <Input value={cell} onChange={(_, d) => setCell(d.value)} aria-label={t('cell')} data-testid="editor-address" style={{ width: 72 }} />
      </div>
      <div className="pokin-row">
        <Input ref={input} value={value} onChange={(_, d) => setValue(d.value)} aria-label={t('value')} data-testid="editor-value" className="pokin-grow" />
        <Button type="submit" appearance="primary" disabled={!valid} data-testid="editor-save">{t('save')}</Button>
      </div>
    </form>
  );
}
