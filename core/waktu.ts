/**
 * A server time (ISO, UTC) in the reader's words and time zone: `4 Des 2026, 15.40`, never ISO
 * UTC. One format for the CLI, the pane and the workbooks it writes.
 */
export function waktuText(at: string | number, lang: 'id' | 'en'): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' });
}
