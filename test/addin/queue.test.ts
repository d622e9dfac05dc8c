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

describe('PushQueue across a reload', () => {
  it('keeps a pending push in its store and a new queue on the same store sends it with the same submissionId', async () => {
    const { memoryStore } = await import('../../addin/api/persist.js');
    const store = memoryStore();
    const offline = new PushQueue({ store, send: async () => { throw new ApiFailure(0, null, true); }, setTimer: () => 0, clearTimer: () => undefined });
    offline.enqueue(ref, body, 'NETWORK');
    await offline.flushed();
    offline.dispose();
    // The page reloads: a new queue over the same store.
    const sent: string[] = [];
    const timers: (() => void)[] = [];
    const online = new PushQueue({ store, setTimer: (fn) => { timers.push(fn); return 1; }, clearTimer: () => undefined, send: async (_r, b) => { sent.push(b.submissionId); return { created: true, answer: { version: 2, hash: 'h', issues: [] } }; } });
    const events: string[] = [];
    online.on((e) => events.push(e.kind));
    expect((await online.restore()).map((p) => p.body.submissionId)).toEqual(['sub-12345678']);
    await online.flush();
    expect(sent).toEqual(['sub-12345678']);
    expect(events).toEqual(['restored', 'landed']);
    await online.flushed();
    expect(await store.get('push-queue')).toBeUndefined();
  });

  it('reports a push refused on retry with the server\'s 409 details, so the pane can show the conflict dialog', async () => {
    const stale = { error: { code: 'STALE_BASE' as const, message: 'm', messageEn: 'm', details: { currentVersion: 5, by: 'rekan', at: '2026-01-01T00:00:00Z' } } };
    const q = new PushQueue({ send: async () => { throw new ApiFailure(409, stale); }, setTimer: () => 0, clearTimer: () => undefined });
    const failures: (ApiFailure | undefined)[] = [];
    q.on((e) => { if (e.kind === 'failed') failures.push(e.error); });
    q.enqueue(ref, body, 'NETWORK');
    await q.flush();
    expect(failures[0]?.stale).toEqual({ currentVersion: 5, by: 'rekan', at: '2026-01-01T00:00:00Z' });
  });
});
