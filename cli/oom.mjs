// Recognises V8's out-of-memory report in a stream of stderr text (cli/bin.mjs): everything
// from the GC log or the FATAL ERROR line on is held back; ordinary lines pass through as they
// come. Plain JavaScript (no TypeScript): the bin runs it before tsx is registered.
const START = /^(<--- Last few GCs --->|<--- JS stacktrace --->|FATAL ERROR: |#\s*Fatal javascript OOM)/;
const OOM = /heap out of memory|Fatal javascript OOM|Allocation failed/;

export function oomFilter(pass) {
  let pending = '';
  let held = false;
  let heldText = '';
  // Blank lines wait for the next line: V8 starts its report with one.
  let blanks = '';
  const line = (l) => {
    if (!held && l.trim() === '') { blanks += l; return; }
    if (!held && START.test(l)) held = true;
    if (held) { heldText += blanks + l; blanks = ''; return; }
    pass(blanks + l);
    blanks = '';
  };
  return {
    write(text) {
      pending += text;
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        line(pending.slice(0, nl + 1));
        pending = pending.slice(nl + 1);
      }
    },
    end() {
      if (pending) line(pending);
      pending = '';
      if (blanks && !held) pass(blanks);
      blanks = '';
      // Held text that was not an out-of-memory report after all is shown as it was.
      if (held && !OOM.test(heldText)) { pass(heldText); heldText = ''; held = false; }
    },
    get outOfMemory() { return held && OOM.test(heldText); },
    message(lang) {
      return lang === 'en'
        ? 'pokin: out of memory while working on this file. It is larger than this computer can handle in one go; see the limits under "Files Pokin refuses" in the README.'
        : 'pokin: memori habis saat mengolah berkas ini. Berkas terlalu besar untuk diolah sekaligus di komputer ini; lihat batasnya di README bagian "Berkas yang ditolak Pokin".';
    },
  };
}
