/**
 * Failures as the planner reads them: a sentence in the pane's language that says what
 * happened and what to do, never a code (`INVALID_BODY: …`, `HTTP 502`, `NETWORK`). The
 * server's bilingual message is used where it is meant for people; transport failures get
 * ours. "Nothing lost" is said where it is true: the workbook was not touched.
 */
import { ApiFailure } from '../../client/api.js';
import { XlsxError } from '../../xlsx/errors.js';
import { PortError } from '../port.js';

type Lang = 'id' | 'en';
type Text = { id: string; en: string };

const KEPT: Text = { id: 'Buku kerja Anda tidak berubah.', en: 'Your workbook is unchanged.' };

const T = {
  network: { id: 'Server Pokin tidak dapat dihubungi (koneksi terputus atau server mati).', en: 'The Pokin server cannot be reached (no connection, or the server is down).' },
  unavailable: { id: 'Server Pokin sedang tidak tersedia; coba lagi beberapa saat lagi.', en: 'The Pokin server is unavailable; try again in a moment.' },
  server: { id: 'Server Pokin mengalami gangguan', en: 'The Pokin server had a problem' },
  session: { id: 'Sesi Anda berakhir atau tidak sah. Silakan masuk lagi.', en: 'Your session has ended or is not valid. Please sign in again.' },
  forbidden: { id: 'Akun Anda tidak berwenang untuk langkah ini', en: 'Your account may not do this' },
  body: { id: 'Server menolak isi kiriman', en: 'The server refused what was sent' },
  tree: { id: 'Server menolak pohon ini', en: 'The server refused this tree' },
} satisfies Record<string, Text>;

export const sessionExpiredText: Text = T.session;

function pick(t: Text, lang: Lang): string {
  return lang === 'en' ? t.en : t.id;
}

/** Why a request failed, for people. */
export function apiFailureText(f: ApiFailure, lang: Lang): string {
  const code = f.code;
  if (f.network) return `${pick(T.network, lang)} ${pick(KEPT, lang)}`;
  if (f.status === 401 || code === 'UNAUTHENTICATED') return pick(T.session, lang);
  if (!f.body) {
    if (f.retryable) return `${pick(T.unavailable, lang)} ${pick(KEPT, lang)}`;
    return `${pick(T.server, lang)} (${f.status}). ${pick(KEPT, lang)}`;
  }
  const server = lang === 'en' ? f.body.error.messageEn : f.body.error.message;
  if (code === 'FORBIDDEN') return `${pick(T.forbidden, lang)}: ${server}`;
  if (code === 'INVALID_BODY' || code === 'INVALID_JSON' || code === 'BAD_REQUEST') {
    const problems = (f.body.error.details as { problems?: { message?: string; messageEn?: string }[] } | undefined)?.problems ?? [];
    const first = problems[0] ? ` (${lang === 'en' ? problems[0].messageEn ?? problems[0].message : problems[0].message})` : '';
    return `${pick(T.body, lang)}: ${server}${first} ${pick(KEPT, lang)}`;
  }
  if (code === 'INVALID_TREE' || code === 'INVALID_DOC') {
    // The server's own findings, errors first (a realisasi pushed before its tree: "Kirim pohonnya dulu").
    const issues = ((f.body.error.details as { issues?: { rule: string; severity?: string; sheet: string; cell: string; message: string; messageEn: string }[] } | undefined)?.issues ?? [])
      .slice().sort((a, b) => Number(b.severity === 'E') - Number(a.severity === 'E'));
    const list = issues.slice(0, 3).map((i) => `${i.rule} ${i.sheet}!${i.cell}: ${lang === 'en' ? i.messageEn : i.message}`).join('; ');
    const head = code === 'INVALID_TREE' ? `${pick(T.tree, lang)}: ${server}` : server;
    return `${head}${list ? ` ${list}${issues.length > 3 ? ' …' : ''}` : ''}`;
  }
  if (f.retryable) return `${pick(T.unavailable, lang)} ${pick(KEPT, lang)}`;
  return server;
}

/** Any failure the pane may meet (API, workbook port, file reading, a plain Error). */
export function failureText(e: unknown, lang: Lang): string {
  if (!e) return '';
  if (e instanceof ApiFailure) return apiFailureText(e, lang);
  if (e instanceof PortError) return lang === 'en' ? e.messageEn : e.messageId;
  if (e instanceof XlsxError) return e.text(lang);
  const m = e instanceof Error ? e.message : String(e);
  return lang === 'en' ? `Something went wrong: ${m}` : `Terjadi kesalahan: ${m}`;
}

/** A queued push's last failure, for the pending bar. */
export function pendingReason(code: string, lang: Lang): string {
  if (code === 'NETWORK') return lang === 'en' ? 'server unreachable' : 'server tidak terjangkau';
  if (/^HTTP_50[234]$/.test(code) || code === 'UNAVAILABLE') return lang === 'en' ? 'server unavailable' : 'server tidak tersedia';
  return lang === 'en' ? 'server problem' : 'gangguan server';
}
