/** User-facing text: Bahasa Indonesia by default, English on the switch (remembered: App.tsx). */
import { createContext, useContext } from 'react';
import { EN_DOCS, ID_DOCS } from './i18n-docs.js';
import { EN_MORE, ID_MORE } from './i18n-more.js';
import { waktuText } from '../../core/waktu.js';

export type Lang = 'id' | 'en';

const ID = {
  appTitle: 'Pokin', tabValidasi: 'Validasi', tabPohon: 'Pohon', tabKirim: 'Kirim', tabBuat: 'Cetak',
  openFile: 'Buka berkas .xlsx', previewNote: 'Mode pratinjau: di luar Excel. Buka berkas .xlsx untuk memeriksa, mengadopsi, membuat lembar dan mengirim.',
  createTemplate: 'Buat lembar Pokin', adoptSheet: 'Adopsi lembar ini', firstRun: 'Buku kerja ini belum memiliki tabel Pokin.',
  pemda: 'Nama pemda', kodePemda: 'Kode pemda', jenisPemda: 'Jenis pemda', kodeOpd: 'Kode OPD', namaOpd: 'Nama OPD', tahunAwal: 'Tahun awal', tahunAkhir: 'Tahun akhir', versiNomenklatur: 'Versi nomenklatur',
  create: 'Buat', cancel: 'Batal', validate: 'Validasi', running: 'Memeriksa…', upToDate: 'Mutakhir', pending: 'Menunggu…',
  errors: 'Error', warnings: 'Peringatan', infos: 'Info', filter: 'Saring (aturan, ID, pesan)', noIssues: 'Tidak ada masalah.',
  writeStatus: 'Tulis kolom Status', busy: 'Excel sedang sibuk', retry: 'Coba lagi', boxes: 'kotak', indicators: 'indikator',
  search: 'Cari kotak (ID, pernyataan, kode)', expandAll: 'Buka semua', collapseAll: 'Tutup semua', details: 'Rincian', statement: 'Pernyataan', code: 'Kode', nomenclature: 'Nomenklatur',
  owner: 'Penanggung jawab', indicatorsTitle: 'Indikator', pagu: 'Pagu', showDiagram: 'Diagram', hideDiagram: 'Sembunyikan diagram', zoomIn: 'Perbesar', zoomOut: 'Perkecil', fit: 'Pas', exportSvg: 'Ekspor SVG', exportPng: 'Ekspor PNG',
  signIn: 'Masuk', signOut: 'Keluar', signedInAs: 'Masuk sebagai', role: 'Peran', push: 'Kirim pohon', pushing: 'Mengirim…', pushed: 'Terkirim: versi', blockedByErrors: 'Perbaiki semua Error sebelum mengirim.',
  conflictTitle: 'Versi di server sudah berubah', conflictBody: 'Versi {v} dikirim oleh {by} pada {at}. Tarik versi itu atau kirim ulang di atasnya.', pushOver: 'Kirim di atas versi {v}', pullVersion: 'Tarik versi {v}', pulledVersion: 'Versi {v} ditarik ke buku kerja.', close: 'Tutup',
  queued: 'Belum terkirim, dicoba ulang otomatis', history: 'Riwayat versi', noHistory: 'Belum ada versi di server.', base: 'Versi dasar',
  genMatriks: 'Matriks Cascading', genPk: 'Perjanjian Kinerja', genValidasi: 'Lembar Validasi', year: 'Tahun', position: 'Jabatan', allPositions: 'Semua jabatan', generate: 'Buat', generated: 'Lembar dibuat:',
  editor: 'Sunting sel', cell: 'Sel', value: 'Nilai', save: 'Simpan', download: 'Unduh .xlsx', language: 'English', notRecognised: 'Lembar tidak dikenali:', adopted: 'Diadopsi: {b} kotak, {i} indikator.',
  sheet: 'Lembar', requirements: 'Persyaratan Excel',
  tabKonsolidasi: 'Konsolidasi', tabReviu: 'Reviu', periode: 'Periode', periodeHint: 'mis. 2025-2029', loadOpd: 'Muat daftar OPD', refresh: 'Muat ulang',
  filterOpd: 'Saring (kode atau nama OPD)', statusAll: 'Semua status', sortBy: 'Urutkan', sortAsc: 'Naik', sortDesc: 'Turun',
  sortOpd: 'Kode OPD', sortStatus: 'Status', sortVersion: 'Versi', sortErrors: 'Error', sortWarnings: 'Peringatan', sortPush: 'Terakhir dikirim', sortNama: 'Nama OPD',
  st_diajukan: 'Diajukan', st_diterima: 'Diterima', st_dikembalikan: 'Dikembalikan', version: 'Versi', lastPush: 'Dikirim',
  noOpd: 'Tidak ada OPD yang cocok.', opdCount: '{n} OPD', openTree: 'Buka di lembar (hanya baca)', opened: 'Dibuka di lembar',
  accept: 'Terima versi {v}', returnVersion: 'Kembalikan versi {v}', note: 'Catatan reviu', noteRequired: 'Catatan wajib diisi untuk mengembalikan.',
  reviewed: 'Versi {v}: {status}', onlyOrganisasi: 'Hanya Bagian Organisasi yang dapat menerima atau mengembalikan.',
  basis: 'Dasar konsolidasi', basisDiterima: 'Versi diterima', basisTerbaru: 'Versi terbaru', pullConsolidated: 'Tarik konsolidasi ke buku kerja',
  saveXlsx: 'Simpan konsolidasi (.xlsx)', pulling: 'Menarik…', pulled: 'Lembar ditulis ({rows} baris):', syncs: '{n} sinkronisasi Excel', saved: 'Disimpan:',
  needPeriode: 'Isi periode, mis. 2025-2029.', signInReviewer: 'Masuk ke server (perencana, Bagian Organisasi, Bappeda)', reviewDone: 'Versi {v} sudah diputuskan. Versi berikutnya dari OPD dapat direviu lagi.', reviewStatus: 'Status reviu pohon Anda',
  reviewNote: 'Catatan', noReview: 'Belum ditelaah.', plannerNeedsInfo: 'Isi Tahun Awal dan Tahun Akhir di Info untuk melihat status reviu.',
  crosscuttingIn: 'Permintaan crosscutting masuk', noRequests: 'Tidak ada permintaan yang menunggu.', approve: 'Setujui', reject: 'Tolak',
  reason: 'Alasan tolak', reasonRequired: 'Alasan wajib diisi untuk menolak.', decided: 'Diputuskan:', earlierReviews: 'Reviu sebelumnya',
  ...ID_MORE,
  ...ID_DOCS,
};
type Strings = typeof ID;
const EN: Strings = {
  appTitle: 'Pokin', tabValidasi: 'Validate', tabPohon: 'Tree', tabKirim: 'Push', tabBuat: 'Print',
  openFile: 'Open .xlsx file', previewNote: 'Preview mode: outside Excel. Open an .xlsx file to validate, adopt, generate and push it.',
  createTemplate: 'Create Pokin sheets', adoptSheet: 'Adopt this sheet', firstRun: 'This workbook has no Pokin tables yet.',
  pemda: 'Pemda name', kodePemda: 'Pemda code', jenisPemda: 'Pemda type', kodeOpd: 'OPD code', namaOpd: 'OPD name', tahunAwal: 'First year', tahunAkhir: 'Last year', versiNomenklatur: 'Nomenclature version',
  create: 'Create', cancel: 'Cancel', validate: 'Validate', running: 'Checking…', upToDate: 'Up to date', pending: 'Waiting…',
  errors: 'Errors', warnings: 'Warnings', infos: 'Info', filter: 'Filter (rule, ID, message)', noIssues: 'No issues.',
  writeStatus: 'Write Status columns', busy: 'Excel is busy', retry: 'Retry', boxes: 'boxes', indicators: 'indicators',
  search: 'Search boxes (ID, statement, code)', expandAll: 'Expand all', collapseAll: 'Collapse all', details: 'Details', statement: 'Statement', code: 'Code', nomenclature: 'Nomenclature',
  owner: 'Owner', indicatorsTitle: 'Indicators', pagu: 'Budget', showDiagram: 'Diagram', hideDiagram: 'Hide diagram', zoomIn: 'Zoom in', zoomOut: 'Zoom out', fit: 'Fit', exportSvg: 'Export SVG', exportPng: 'Export PNG',
  signIn: 'Sign in', signOut: 'Sign out', signedInAs: 'Signed in as', role: 'Role', push: 'Push tree', pushing: 'Pushing…', pushed: 'Pushed: version', blockedByErrors: 'Fix every Error before pushing.',
  conflictTitle: 'The server version has changed', conflictBody: 'Version {v} was pushed by {by} at {at}. Pull it or push again on top of it.', pushOver: 'Push on top of version {v}', pullVersion: 'Pull version {v}', pulledVersion: 'Version {v} pulled into the workbook.', close: 'Close',
  queued: 'Not sent yet, retried automatically', history: 'Version history', noHistory: 'No version on the server yet.', base: 'Base version',
  genMatriks: 'Cascading matrix', genPk: 'Performance agreement', genValidasi: 'Validation sheet', year: 'Year', position: 'Position', allPositions: 'All positions', generate: 'Generate', generated: 'Sheets generated:',
  editor: 'Edit cell', cell: 'Cell', value: 'Value', save: 'Save', download: 'Download .xlsx', language: 'Bahasa Indonesia', notRecognised: 'Sheet not recognised:', adopted: 'Adopted: {b} boxes, {i} indicators.',
  sheet: 'Sheet', requirements: 'Excel requirements',
  tabKonsolidasi: 'Consolidation', tabReviu: 'Review', periode: 'Period', periodeHint: 'e.g. 2025-2029', loadOpd: 'Load OPD list', refresh: 'Reload',
  filterOpd: 'Filter (OPD code or name)', statusAll: 'All statuses', sortBy: 'Sort by', sortAsc: 'Ascending', sortDesc: 'Descending',
  sortOpd: 'OPD code', sortStatus: 'Status', sortVersion: 'Version', sortErrors: 'Errors', sortWarnings: 'Warnings', sortPush: 'Last push', sortNama: 'OPD name',
  st_diajukan: 'Submitted', st_diterima: 'Accepted', st_dikembalikan: 'Returned', version: 'Version', lastPush: 'Pushed',
  noOpd: 'No matching OPD.', opdCount: '{n} OPD', openTree: 'Open in a sheet (read only)', opened: 'Opened in sheet',
  accept: 'Accept version {v}', returnVersion: 'Return version {v}', note: 'Review note', noteRequired: 'A note is required to return a version.',
  reviewed: 'Version {v}: {status}', onlyOrganisasi: 'Only the Bagian Organisasi may accept or return.',
  basis: 'Consolidation basis', basisDiterima: 'Accepted versions', basisTerbaru: 'Latest versions', pullConsolidated: 'Pull the consolidation into this workbook',
  saveXlsx: 'Save the consolidation (.xlsx)', pulling: 'Pulling…', pulled: 'Sheets written ({rows} rows):', syncs: '{n} Excel syncs', saved: 'Saved:',
  needPeriode: 'Enter the period, e.g. 2025-2029.', signInReviewer: 'Sign in to the server (planners, Bagian Organisasi, Bappeda)', reviewDone: 'Version {v} has been decided. The OPD\'s next version can be reviewed.', reviewStatus: 'Review status of your tree',
  reviewNote: 'Note', noReview: 'Not reviewed yet.', plannerNeedsInfo: 'Fill in Tahun Awal and Tahun Akhir in Info to see the review status.',
  crosscuttingIn: 'Incoming crosscutting requests', noRequests: 'No requests waiting.', approve: 'Approve', reject: 'Reject',
  reason: 'Reason for rejecting', reasonRequired: 'A reason is required to reject.', decided: 'Decided:', earlierReviews: 'Earlier reviews',
  ...EN_MORE,
  ...EN_DOCS,
};

export const STRINGS: Record<Lang, Strings> = { id: ID, en: EN };
export type StringKey = keyof Strings;

export const LangContext = createContext<Lang>('id');

export function useT(): (k: StringKey, vars?: Record<string, string | number>) => string {
  const lang = useContext(LangContext);
  return (k, vars) => {
    let s = STRINGS[lang][k];
    for (const [n, v] of Object.entries(vars ?? {})) s = s.replace(`{${n}}`, String(v));
    return s;
  };
}

export function useLang(): Lang {
  return useContext(LangContext);
}

/** Dates and times in the pane's language: id-ID writes 23.05.12 and 22/11/2026, not 11:05:12 PM. */
export function useWaktu(): { jam: (at: string | number) => string; tanggal: (at: string | number) => string } {
  const lang = useLang();
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  return {
    jam: (at) => new Date(at).toLocaleTimeString(locale),
    tanggal: (at) => waktuText(at, lang),
  };
}
