/** Preview only: a one-cell editor, so a fix can be made without Excel. */
import { Button, Input, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CellValue } from '../../core/snapshot.js';
import { useT } from './i18n.js';

export interface CellEditorProps {
  at: { sheet: string; cell: string } | null;
  read: (sheet: string, cell: string) => Promise<CellValue>;
  write: (sheet: string, cell: string, value: CellValue) => Promise<void>;
}

export function CellEditor({ at, read, write }: CellEditorProps) {
  const t = useT();
  const [value, setValue] = useState('');
  const [numeric, setNumeric] = useState(false);
  useEffect(() => {
    if (at) void read(at.sheet, at.cell).then((v) => { setValue(v === null ? '' : String(v)); setNumeric(typeof v === 'number'); });
  }, [at, read]);
  if (!at) return null;
  return (
    <form className="pokin-editor" data-testid="cell-editor" onSubmit={(e) => {
      e.preventDefault();
      // Only a cell that held a number gets a number back: IDs and codes stay text (`1.10`).
      const n = numeric && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
      void write(at.sheet, at.cell, n);
    }}>
      <Text size={200}>{t('editor')}: <b data-testid="editor-cell">{at.sheet}!{at.cell}</b></Text>
      <div className="pokin-row">
        <Input value={value} onChange={(_, d) => setValue(d.value)} aria-label={t('value')} data-testid="editor-value" className="pokin-grow" />
        <Button type="submit" appearance="primary" data-testid="editor-save">{t('save')}</Button>
      </div>
    </form>
  );
}
