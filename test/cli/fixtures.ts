/**
 * Fixtures for the CLI tests: a temp dir per test file, valid workbooks written through the
 * canonical writer, raw ExcelJS workbooks for the odd cases, and the CLI as a child process.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../core/read/index.js';
import type { WorkbookSnapshot } from '../../core/snapshot.js';
import { writeCanonicalWorkbook } from '../../xlsx/write.js';
import { makeSnapshot, validInput, type WorkbookInput } from '../helpers/snapshot.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function tempDir(prefix: string): { dir: string; path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `pokin-${prefix}-`));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a workbook from test rows through the canonical writer (config read from its Info). */
export async function writeInput(file: string, input: WorkbookInput = validInput(), alter?: (s: WorkbookSnapshot) => void): Promise<WorkbookSnapshot> {
  const snapshot = makeSnapshot(input);
  const config = readWorkbook(snapshot).tree.config;
  alter?.(snapshot);
  await writeCanonicalWorkbook(file, snapshot, config);
  return snapshot;
}

/** A plain ExcelJS sheet with rows of values, no table object (as LibreOffice saves it). */
export function plainSheet(wb: ExcelJS.Workbook, name: string, rows: unknown[][], firstRow = 1): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => { ws.getRow(firstRow + i).values = r as ExcelJS.CellValue[]; });
  return ws;
}

export async function save(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await wb.xlsx.writeFile(file);
}

export interface CliRun { code: number; stdout: string; stderr: string }

/** Runs the real CLI: `node --import tsx cli/main.ts …`. */
export function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/main.ts'), ...args], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
