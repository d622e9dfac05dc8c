/**
 * The Excel double for a browser page (bundled by esbuild in the sign-in e2e test): the pane
 * runs its Office port on it in Chromium.
 */
import { excelDouble } from './index.js';

(globalThis as unknown as { PokinExcelDouble: unknown }).PokinExcelDouble = { excelDouble };
