/**
 * The value a planner most likely meant when an enumerated cell holds a word the list does
 * not know (SAKIP.md §5: messages that suggest the fix). Only suggestions: the value is not
 * changed (an F02 normalisation is for spelling variants of the listed value itself).
 */
import type { Jenjang } from '../config.js';

const key = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');

function table(entries: [string, string[]][]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [value, words] of entries) for (const w of words) out.set(key(w), value);
  return out;
}

const POLARITAS = table([
  ['Positif', ['Naik', 'Meningkat', 'Peningkatan', 'Tinggi', 'Lebih tinggi lebih baik', 'Maksimal', 'Maksimalkan', 'Maximize', 'Higher is better', 'Up', '+', 'Plus', 'Positive']],
  ['Negatif', ['Turun', 'Menurun', 'Penurunan', 'Rendah', 'Lebih rendah lebih baik', 'Minimal', 'Minimalkan', 'Minimize', 'Lower is better', 'Down', '-', 'Minus', 'Negative']],
  ['Rentang', ['Range', 'Interval', 'Stabil', 'Antara', 'Kisaran', 'Optimal']],
]);

const AKUMULASI = table([
  ['Kumulatif', ['Akumulatif', 'Akumulasi', 'Jumlah', 'Total', 'Sum', 'Cumulative', 'Bertambah']],
  ['Nilai Akhir', ['Akhir', 'Tahun Akhir', 'Terakhir', 'Last', 'Final', 'Posisi Akhir', 'Tidak Kumulatif', 'Non Kumulatif']],
  ['Rata-rata', ['Rata', 'Rerata', 'Average', 'Mean']],
]);

const JENJANG = table([
  ['Kepala Daerah', ['Bupati', 'Walikota', 'Wali Kota', 'Gubernur', 'Wakil Bupati', 'KDH']],
  ['JPT Pratama', ['Eselon II', 'Eselon IIb', 'Eselon II.b', 'II.b', 'IIb', 'Kepala Dinas', 'Kadis', 'Kepala Badan', 'Kaban', 'Kepala OPD', 'Sekretaris Daerah', 'JPT']],
  ['Administrator', ['Eselon III', 'Eselon IIIa', 'Eselon III.a', 'Eselon IIIb', 'III.a', 'III.b', 'Kepala Bidang', 'Kabid', 'Sekretaris', 'Sekdis', 'Kepala Bagian', 'Kabag']],
  ['Pengawas', ['Eselon IV', 'Eselon IVa', 'Eselon IV.a', 'Eselon IVb', 'IV.a', 'IV.b', 'Kepala Seksi', 'Kasi', 'Kepala Sub Bagian', 'Kasubag', 'Kasubbag', 'Kepala UPT', 'Kepala Subbidang', 'Kasubid']],
  ['Fungsional', ['JF', 'Jabatan Fungsional', 'Fungsional Tertentu', 'Pejabat Fungsional']],
  ['Pelaksana', ['Staf', 'Staff', 'Staf Pelaksana', 'Pelaksana Umum', 'JFU', 'Fungsional Umum', 'Non Eselon', 'Noneselon', 'Pegawai', 'Operator']],
]);

export const suggestPolaritas = (v: string): string | undefined => POLARITAS.get(key(v));
export const suggestAkumulasi = (v: string): string | undefined => AKUMULASI.get(key(v));
export const suggestJenjang = (v: string): Jenjang | undefined => JENJANG.get(key(v)) as Jenjang | undefined;

/** ` Maksud Anda "Positif"?` / ` Did you mean "Positif"?`, or nothing. */
export function didYouMean(s: string | undefined): { id: string; en: string } {
  return s ? { id: ` Maksud Anda "${s}"?`, en: ` Did you mean "${s}"?` } : { id: '', en: '' };
}
