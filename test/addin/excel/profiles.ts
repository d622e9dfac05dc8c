/**
 * The Excel builds Pokin meets, as the double plays them. Each profile is a documented
 * combination of requirement sets, payload limits and event gaps:
 * - requirement sets per build: https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 *   (ExcelApi 1.12 = Microsoft 365 Version 2008, Office 2021 LTSC, Mac 16.40; 1.14 is the last set
 *   Office 2021 LTSC gets; 1.20 = Version 2509 / Mac 16.100, never on any LTSC);
 * - "Excel on the web has a payload size limit for requests and responses of 5MB"
 *   (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins;
 *   error codes RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, "only in
 *   Office on the web": https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
 * - Excel on the web fires no onChanged for a value picked from a data-validation dropdown
 *   (OfficeDev/office-js#3888, #4066) and none for deleted table rows (#294, first seen on Mac).
 */
export type ProfileName = 'microsoft-365' | 'office-2021' | 'mac-16.40' | 'web';

export interface ExcelProfile {
  name: ProfileName;
  label: string;
  /** Highest ExcelApi minor version the build implements (1.x). */
  excelApi: number;
  /** Bytes per request and per response; null where no limit is documented (desktop). */
  payloadLimit: number | null;
  /** Which user actions fire change events. */
  events: { dropdownPick: boolean; rowDelete: boolean };
  platform: 'PC' | 'Mac' | 'OfficeOnline';
}

export const FIVE_MB = 5 * 1024 * 1024;

export const PROFILES: Record<ProfileName, ExcelProfile> = {
  'microsoft-365': {
    name: 'microsoft-365', label: 'Microsoft 365 (Windows, current channel)', excelApi: 20, payloadLimit: null,
    events: { dropdownPick: true, rowDelete: true }, platform: 'PC',
  },
  'office-2021': {
    name: 'office-2021', label: 'Office 2021 LTSC (Windows)', excelApi: 14, payloadLimit: null,
    events: { dropdownPick: true, rowDelete: true }, platform: 'PC',
  },
  'mac-16.40': {
    name: 'mac-16.40', label: 'Excel for Mac 16.40 (first build with ExcelApi 1.12)', excelApi: 12, payloadLimit: null,
    events: { dropdownPick: true, rowDelete: true }, platform: 'Mac',
  },
  web: {
    name: 'web', label: 'Excel on the web', excelApi: 20, payloadLimit: FIVE_MB,
    events: { dropdownPick: false, rowDelete: false }, platform: 'OfficeOnline',
  },
};

export const ALL_PROFILES: ExcelProfile[] = Object.values(PROFILES);

/** `Office.context.requirements` of a profile. */
export function requirementsOf(p: ExcelProfile): { isSetSupported(name: string, minVersion?: string): boolean } {
  return {
    isSetSupported(name: string, minVersion = '1.1') {
      const [major, minor] = minVersion.split('.').map(Number);
      if (name === 'ExcelApi') return major === 1 && (minor ?? 0) <= p.excelApi;
      // Dialog API 1.2 and Dialog Origin 1.1 are on every build that has ExcelApi 1.12.
      if (name === 'DialogApi') return major === 1 && (minor ?? 0) <= 2;
      if (name === 'DialogOrigin' || name === 'OpenBrowserWindowApi') return major === 1 && (minor ?? 0) <= 1;
      return false;
    },
  };
}
