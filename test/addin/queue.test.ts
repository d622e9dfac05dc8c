import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../client/api.js';
import { PushQueue } from '../../addin/api/queue.js';
import type { PushBody } from '../../core/wire/index.js';

const ref = { pemda: '35.19', periode: '2025-2029', opd: '1.02.0.00.0.00.01.0000' };
const body: PushBody = { baseVersion: 1, submissionId: 'sub-12345678', tree: { tables: [] } };

describe('PushQueue', () => {
  it('retries with the same submissionId and backoff until the push lands', async () => {
    let now = 0;
    const timers: { at: number; fn: () => void }[] = [];
    const seen: string[] = [];
    let up = false;
    const q = new PushQueue({
      now: () => now, baseDelayMs: 1000,
      setTimer: (fn, ms) => { timers.push({ at: now + ms, fn }); return timers.length; },
      clearTimer: () => { timers.length = 0; },
      send: async (_r, b) => {
        seen.push(b.submissionId);
        if (!up) throw new ApiFailure(0, null, true);
        return { created: true, answer: { version: 2, hash: 'h', issues: [] } };
      },
    });
    const events: string[] = [];
    q.on((e) => events.push(e.kind));
    q.enqueue(ref, body, 'NETWORK');
    expect(q.pending).toHaveLength(1);
    now = 1000; await q.flush();
    expect(q.pending[0].attempts).toBe(1);
    expect(q.pending[0].nextAt).toBe(1000 + 2000);
    up = true;
    now = 3000; await q.flush();
    expect(q.pending).toHaveLength(0);
    expect(new Set(seen)).toEqual(new Set(['sub-12345678']));
    expect(events).toEqual(['queued', 'landed']);
    q.dispose();
  });

  it('drops a push the server refuses for good (not retryable)', async () => {
    const q = new PushQueue({ send: async () => { throw new ApiFailure(422, null); }, setTimer: () => 0, clearTimer: () => undefined });
    const events: string[] = [];
    q.on((e) => events.push(e.kind));
    q.enqueue(ref, body, 'NETWORK');
    await q.flush();
    expect(events).toEqual(['queued', 'failed']);
    expect(q.pending).toHaveLength(0);
  });
});
