/**
 * What the port's tests import: the double, its profiles, and an OfficePort wired to it.
 */
import { OfficePort, type ExcelHost, type OfficePortOptions } from '../../../addin/office/port.js';
import { excelDouble, type DoubleOptions, type ExcelDouble } from './index.js';
import { FIVE_MB, type ExcelProfile, type ProfileName } from './profiles.js';

export { ALL_PROFILES, PROFILES, type ExcelProfile, type ProfileName } from './profiles.js';
export { excelDouble, type DoubleOptions, type ExcelDouble } from './index.js';
export const FIVE_MB_FOR_TESTS = FIVE_MB;

/** An OfficePort on a fresh double (or on `d`). */
export function portOn(profile: ExcelProfile | ProfileName, opts: DoubleOptions = {}, portOpts: Omit<OfficePortOptions, 'excel' | 'requirements'> = {}): { d: ExcelDouble; port: OfficePort } {
  const d = excelDouble(profile, opts);
  return { d, port: attach(d, portOpts) };
}

export function attach(d: ExcelDouble, portOpts: Omit<OfficePortOptions, 'excel' | 'requirements'> = {}): OfficePort {
  return new OfficePort({ excel: d.excel as unknown as ExcelHost, requirements: d.requirements, ...portOpts });
}
