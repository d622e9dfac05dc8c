/**
 * The pane's reference data for validation (core/reference.ts), as the CLI and the server use
 * it: the Kepmendagri list of the Info's version, loaded lazily once per version, and the
 * pemda tree's Sasaran Pemda when the signed-in user can read it. The owner validates again
 * when either arrives, so the counts end up the same as `pokin validate`'s.
 */
import { loadListFor, sasaranPemdaIds, type ReferenceData } from '../core/reference.js';
import type { WorkbookSnapshot } from '../core/snapshot.js';
import { ApiFailure, type PokinApi, type TreeRef } from '../client/api.js';
import type { LiveResult } from './live/controller.js';

/** Where the reference data stands, for the pane to show (the Validasi counts are final when `ready`). */
export type ReferenceState = 'idle' | 'loading' | 'ready' | 'failed';

export interface ReferenceHost {
  api: PokinApi;
  token(): string | null;
  treeRef(snapshot: WorkbookSnapshot): TreeRef | { id: string; en: string };
  /** Validate again with the data that arrived. */
  revalidate(): Promise<unknown>;
  setState(s: ReferenceState): void;
  expireSession(): void;
  loadList?: (versi: string) => Promise<ReferenceData['nomenklatur']>;
}

export class ReferenceLoader {
  data: ReferenceData = { nomenklatur: null, pemdaSasaranIds: null };
  private versi: string | null = null;
  private load: Promise<void> | null = null;
  private pemdaKey: string | null = null;

  constructor(private readonly host: ReferenceHost) {}

  /** The list for this result's version (once per version) and the pemda tree; resolves when the list is in. */
  ensure(r: LiveResult): Promise<void> {
    if (!r.result.tree.tables.pohon) return Promise.resolve();
    const versi = r.result.tree.config.versiNomenklatur;
    void this.ensurePemdaTree(r.snapshot);
    if (versi === this.versi && this.load) return this.load;
    this.versi = versi;
    this.host.setState('loading');
    const load = this.host.loadList ?? ((v: string) => loadListFor(v));
    this.load = load(versi).then(async (list) => {
      if (this.versi !== versi) return;
      this.data = { ...this.data, nomenklatur: list };
      this.host.setState(list ? 'ready' : 'failed');
      await this.host.revalidate().catch(() => undefined);
    }, () => { this.host.setState('failed'); });
    return this.load;
  }

  /** After a sign-in or sign-out: the pemda tree is read again with the new token. */
  tokenChanged(snapshot: WorkbookSnapshot | null): void {
    this.pemdaKey = null;
    if (this.host.token() && snapshot) void this.ensurePemdaTree(snapshot);
  }

  private async ensurePemdaTree(snapshot: WorkbookSnapshot): Promise<void> {
    const where = this.host.treeRef(snapshot);
    const token = this.host.token();
    if (!token || !('pemda' in where) || where.opd === 'PEMDA') return;
    const key = `${where.pemda}|${where.periode}|${token}`;
    if (key === this.pemdaKey) return;
    this.pemdaKey = key;
    try {
      const answer = await this.host.api.pull({ ...where, opd: 'PEMDA' });
      this.data = { ...this.data, pemdaSasaranIds: sasaranPemdaIds(answer.tree) };
      await this.host.revalidate().catch(() => undefined);
    } catch (e) {
      // Not pushed yet (404), offline, or not readable: T06 then checks only that Ref Pemda is filled.
      if (e instanceof ApiFailure && e.status === 401) this.host.expireSession();
    }
  }
}
