import { describe, expect, it } from 'vitest';
import { ValidationScheduler, type Clock, type RunRequest } from '../../addin/live/scheduler.js';

function fakeClock() {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const clock: Clock = {
    setTimeout: (fn, ms) => { const id = next++; timers.push({ at: now + ms, fn, id }); return id; },
    clearTimeout: (h) => { const i = timers.findIndex((t) => t.id === h); if (i >= 0) timers.splice(i, 1); },
  };
  const advance = async (ms: number) => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > end) break;
      timers.shift();
      now = t.at;
      t.fn();
      for (let i = 0; i < 20; i++) await Promise.resolve();
    }
    now = end;
  };
  return { clock, advance };
}

function setup(runMs = 0) {
  const { clock, advance } = fakeClock();
  const runs: RunRequest[] = [];
  let release: (() => void) | null = null;
  const s = new ValidationScheduler({
    clock, debounceMs: 300,
    run: async (r) => { runs.push(r); if (runMs) await new Promise<void>((ok) => { release = ok; }); },
  });
  return { s, runs, advance, finish: () => release?.() };
}

describe('ValidationScheduler', () => {
  it('debounces a burst of hints into one run 300 ms after the last', async () => {
    const { s, runs, advance } = setup();
    for (let i = 0; i < 10; i++) { s.hint({ source: 'local' }); await advance(100); }
    expect(runs).toHaveLength(0);
    await advance(300);
    expect(runs).toEqual([{ quiet: false, hints: 10, full: false }]);
  });

  it('coalesces hints during a run into exactly one follow-up run', async () => {
    const { s, runs, advance, finish } = setup(1);
    s.hint({ source: 'local' });
    await advance(300);
    expect(runs).toHaveLength(1);
    s.hint({ source: 'local' }); s.hint({ source: 'local' }); s.hint({ source: 'local' });
    finish();
    await advance(0);
    await advance(300);
    expect(runs).toHaveLength(2);
    expect(runs[1].hints).toBe(3);
  });

  it('ignores own-source hints but never a planner\'s edit that comes while Pokin writes', async () => {
    const { s, runs, advance } = setup();
    s.hint({ source: 'own' });
    await advance(1000);
    expect(runs).toHaveLength(0);
    expect(s.stats.ignored).toBe(1);
    // No timing window: an edit the planner makes during a write still counts (issue 11 #16).
    await s.ownWrite(async () => { s.hint({ source: 'local' }); });
    await advance(300);
    expect(runs).toHaveLength(1);
  });

  it('asks for a full read when a hint says the copy cannot be patched, and on now()', async () => {
    const { s, runs, advance } = setup();
    s.hint({ source: 'local' });
    await advance(300);
    s.hint({ source: 'local' }); s.hint({ source: 'local', full: true });
    await advance(300);
    await s.now();
    expect(runs.map((r) => r.full)).toEqual([false, true, true]);
  });

  it('keeps a check (focus, idle) quiet', async () => {
    const { s, runs, advance } = setup();
    s.hint({ source: 'check', full: true });
    await advance(300);
    expect(runs).toEqual([{ quiet: true, hints: 1, full: true }]);
  });

  it('marks co-author-only runs as quiet', async () => {
    const { s, runs, advance } = setup();
    s.hint({ source: 'remote' });
    await advance(300);
    s.hint({ source: 'remote' }); s.hint({ source: 'local' });
    await advance(300);
    expect(runs.map((r) => r.quiet)).toEqual([true, false]);
  });

  it('now() runs at once and cancels the pending debounce', async () => {
    const { s, runs, advance } = setup();
    s.hint({ source: 'local' });
    await s.now();
    await advance(1000);
    expect(runs).toHaveLength(1);
  });
});
