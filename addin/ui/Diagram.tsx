/**
 * The SVG diagram (loaded lazily): tidy layout from core/diagram, zoom (buttons, Ctrl+wheel,
 * +/- keys) and pan (drag, arrow keys), export as SVG and PNG.
 */
import { Button } from '@fluentui/react-components';
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { diagramSvg } from '../../core/diagram/svg.js';
import type { Issue } from '../../core/issues.js';
import type { PohonKinerja } from '../../core/model.js';
import { useT } from './i18n.js';

function download(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('canvas');
  g.scale(scale, scale);
  g.drawImage(img, 0, 0);
  return new Promise((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('png'))), 'image/png'));
}

/** PNG bytes as base64 without the data: prefix (Shapes.addImage takes that). */
export async function pngBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A PNG small enough for one request on Excel on the web (5 MB, base64 included): a big tree is drawn smaller. */
export const MAX_PICTURE_BASE64 = 3.5 * 1024 * 1024;

async function insertPng(svg: string, width: number, height: number, insert: (b64: string) => Promise<void>): Promise<void> {
  for (const scale of [2, 1, 0.5, 0.25]) {
    const b64 = await pngBase64(await svgToPng(svg, width, height, scale));
    if (b64.length <= MAX_PICTURE_BASE64 || scale === 0.25) return insert(b64);
  }
}

/**
 * `onInsertImage` (inside Excel): the PNG goes into the workbook as a picture, because Excel for
 * Mac's webview ignores `a.download` (OfficeDev/office-js#2700, "by design").
 */
export default function Diagram({ tree, issues, selected, onSelect, onInsertImage }: { tree: PohonKinerja; issues: readonly Issue[]; selected: number | null; onSelect: (index: number) => void; onInsertImage?: (pngBase64: string) => Promise<void> }) {
  const t = useT();
  const d = useMemo(() => diagramSvg(tree, { issues, selected, title: `Pohon Kinerja ${tree.config.namaOpd}` }), [tree, issues, selected]);
  // Start at full size (10.5 px text: at half size it was ~5 px, unreadable) with the first
  // root centred in the pane; "Pas" fits the width, the buttons and Ctrl+wheel zoom.
  const [zoom, setZoom] = useState(1);
  const [pan, setPan] = useState(() => {
    const root = d.layout.nodes.find((n) => n.depth === 0);
    return { x: root ? 150 - (16 + root.x + root.width / 2) : 0, y: 0 };
  });
  const drag = useRef<{ x: number; y: number; px: number; py: number } | null>(null);
  const z = (f: number) => setZoom((v) => Math.min(3, Math.max(0.1, v * f)));
  const onKey = (e: KeyboardEvent) => {
    const step = 40;
    if (e.key === '+' || e.key === '=') z(1.2);
    else if (e.key === '-') z(1 / 1.2);
    else if (e.key === 'ArrowLeft') setPan((p) => ({ ...p, x: p.x + step }));
    else if (e.key === 'ArrowRight') setPan((p) => ({ ...p, x: p.x - step }));
    else if (e.key === 'ArrowUp') setPan((p) => ({ ...p, y: p.y + step }));
    else if (e.key === 'ArrowDown') setPan((p) => ({ ...p, y: p.y - step }));
    else return;
    e.preventDefault();
  };
  const down = (e: PointerEvent) => { drag.current = { x: e.clientX, y: e.clientY, px: pan.x, py: pan.y }; };
  const move = (e: PointerEvent) => { if (drag.current) setPan({ x: drag.current.px + e.clientX - drag.current.x, y: drag.current.py + e.clientY - drag.current.y }); };
  const up = (e: PointerEvent) => {
    const m = drag.current;
    drag.current = null;
    if (m && Math.abs(e.clientX - m.x) + Math.abs(e.clientY - m.y) < 4) {
      const g = (e.target as Element).closest('[data-index]');
      if (g) onSelect(Number(g.getAttribute('data-index')));
    }
  };
  return (
    <div className="pokin-diagram" data-testid="diagram">
      <div className="pokin-row">
        <Button size="small" onClick={() => z(1.2)} aria-label={t('zoomIn')}>+</Button>
        <Button size="small" onClick={() => z(1 / 1.2)} aria-label={t('zoomOut')}>−</Button>
        <Button size="small" onClick={() => { setZoom(Math.min(1, 300 / d.width)); setPan({ x: 0, y: 0 }); }}>{t('fit')}</Button>
        <Button size="small" onClick={() => download('pohon-kinerja.svg', new Blob([d.svg], { type: 'image/svg+xml' }))}>{t('exportSvg')}</Button>
        <Button size="small" data-testid="export-png"
          onClick={() => void (onInsertImage ? insertPng(d.svg, d.width, d.height, onInsertImage) : svgToPng(d.svg, d.width, d.height).then((b) => download('pohon-kinerja.png', b)))}>
          {t('exportPng')}
        </Button>
      </div>
      <div className="pokin-viewport" tabIndex={0} role="img" aria-label="Diagram pohon kinerja" onKeyDown={onKey}
        onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerLeave={() => { drag.current = null; }}
        onWheel={(e) => { if (e.ctrlKey) { e.preventDefault(); z(e.deltaY < 0 ? 1.1 : 1 / 1.1); } }}>
        <div style={{ transform: `translate(${pan.x}px, ${pan.y}px) scale(${zoom})`, transformOrigin: '0 0' }} dangerouslySetInnerHTML={{ __html: d.svg }} />
      </div>
    </div>
  );
}
