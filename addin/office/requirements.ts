/// <reference types="office-js" />
/**
 * Requirement sets: below ExcelApi 1.12 the pane refuses with a clear message; 1.13
 * (merged areas for adoption), 1.14 (`triggerSource` on change events) and 1.20
 * (`mergeUndoGroup`) are detected and used when present.
 */
import { PortError } from '../port.js';

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface HostFeatures {
  /** ExcelApi 1.13: `Range.getMergedAreasOrNullObject`. */
  mergedAreas: boolean;
  /** ExcelApi 1.14: `WorksheetChangedEventArgs.triggerSource`. */
  triggerSource: boolean;
  /** ExcelApi 1.20: `Excel.run({ mergeUndoGroup: true })`. */
  mergeUndo: boolean;
}

export const MIN_EXCEL_API = '1.12';

export function checkRequirements(req: Requirements): HostFeatures {
  if (!req.isSetSupported('ExcelApi', MIN_EXCEL_API)) {
    throw new PortError('requirements',
      `Pokin memerlukan Excel yang mendukung ExcelApi ${MIN_EXCEL_API} (Microsoft 365, Excel 2021 atau Excel di web). Perbarui Excel Anda.`,
      `Pokin needs an Excel that supports ExcelApi ${MIN_EXCEL_API} (Microsoft 365, Excel 2021 or Excel on the web). Please update Excel.`);
  }
  return {
    mergedAreas: req.isSetSupported('ExcelApi', '1.13'),
    triggerSource: req.isSetSupported('ExcelApi', '1.14'),
    mergeUndo: req.isSetSupported('ExcelApi', '1.20'),
  };
}
