/**
 * The TreeStore port: versioned pohon kinerja per (pemda, periode, opd). Only
 * functions/store/ talks to DynamoDB; handlers see this interface and its typed errors.
 */
import type { DocKind, ReviewAction, ReviewInfo, ReviewStatus, StaleDetails, TreeCounts, VersionMeta } from '../../core/wire/index.js';

/** One of an OPD's per-year documents (SAKIP.md §12, §13). */
export interface DocRef {
  kind: DocKind;
  tahun: number;
}

/**
 * What is versioned: the OPD's tree, or with `doc` one of its per-year documents. Both go
 * through the same commit, read and history code (dynamo-commit.ts); only the keys differ.
 */
export interface TreeKey {
  pemda: string;
  periode: string;
  opd: string;
  doc?: DocRef;
}

export interface CommitInput {
  key: TreeKey;
  baseVersion: number;
  submissionId: string;
  author: string;
  /** The tree's JSON text (what is stored, gzip-compressed, and hashed). */
  json: string;
  counts: TreeCounts;
  /** `Nama OPD` from the tree's Info, kept on HEAD for the OPD list. */
  namaOpd?: string;
  /** `catatan`: the version only carries new evaluator notes (an LKE); kept on HEAD and in the history. */
  origin?: 'catatan';
  /**
   * The crosscutting links of the pushed tree. Links of the base version (HEAD's `linkIds`) and
   * recorded links (`removed`) missing from it are claimed before HEAD moves, so a decision on
   * one of them and this push cannot both succeed (X05).
   */
  crosscutting?: { pemda: string; periode: string; linkIds: string[]; removed: string[] };
}

export interface CommitResult {
  version: number;
  hash: string;
  /** false when the submissionId had already committed (a retry): answer 200, not 201. */
  created: boolean;
  /** true while `version` is the HEAD (a retry may meet later versions on top of its own). */
  isHead: boolean;
}

export interface StoredVersion {
  meta: VersionMeta;
  headVersion: number;
  /** The tree's JSON text. */
  json: string;
}

export interface ReviewInput {
  key: TreeKey;
  version: number;
  action: ReviewAction;
  note: string;
  actor: string;
}

/** One crosscutting link as stored (functions/store/dynamo-links.ts): the request and its decision. */
export interface StoredLink {
  linkId: string;
  sourceOpd: string;
  nodeId: string;
  targetOpd: string;
  nodeTujuan: string;
  kontribusi: string;
  keterangan: string;
  /** core/derive/consolidate linkContentHash of the request as last pushed. */
  contentHash: string;
  /** Source version that last changed the request. */
  sourceVersion: number;
  /** false once the link left the source's tree. */
  active: boolean;
  seenAt: string;
  decision?: { status: 'disetujui' | 'ditolak'; reason: string; by: string; at: string; contentHash: string; sourceVersion: number };
  /** Number of decisions so far (the optimistic lock). */
  rev: number;
  /**
   * Set by a push of the source that removes the link, before its HEAD moves: a decision on the
   * link judged at a source version below `version` fails (dynamo-links.ts).
   */
  removal?: { version: number; submissionId: string; at: string };
}

export interface RemovalClaim {
  pemda: string;
  periode: string;
  linkId: string;
  /** The version the removing push would commit. */
  version: number;
  submissionId: string;
  at: string;
}

export interface LinkRecordInput {
  pemda: string;
  periode: string;
  sourceOpd: string;
  version: number;
  links: { linkId: string; nodeId: string; targetOpd: string; nodeTujuan: string; kontribusi: string; keterangan: string; contentHash: string }[];
}

export interface DecideInput {
  pemda: string;
  periode: string;
  linkId: string;
  /** `rev` as read; the write fails when someone decided meanwhile. */
  expectRev: number;
  status: 'disetujui' | 'ditolak';
  reason: string;
  actor: string;
  /** Content judged (from the source's HEAD tree) and that tree's version. */
  contentHash: string;
  sourceVersion: number;
  /** Effective status before the decision (for the audit item). */
  fromStatus: string;
}

export interface TreeStore {
  commit(input: CommitInput): Promise<CommitResult>;
  /** The HEAD version, or version `version`; null when there is none. */
  get(key: TreeKey, version?: number | null): Promise<StoredVersion | null>;
  /** Committed versions, newest first. */
  versions(key: TreeKey): Promise<VersionMeta[]>;
  /** One row per OPD HEAD of the pemda and periode (through GSI1, never a Scan). */
  list(pemda: string, periode: string): Promise<(VersionMeta & { opd: string })[]>;
  /** One row per OPD HEAD of a document kind and year (through GSI1, never a Scan). */
  listDocs(kind: DocKind, pemda: string, periode: string, tahun: number): Promise<(VersionMeta & { opd: string })[]>;
  review(input: ReviewInput): Promise<{ version: number; status: VersionMeta['status']; review: ReviewInfo }>;
  /** Every crosscutting link item of the pemda and periode (one Query). */
  links(pemda: string, periode: string): Promise<StoredLink[]>;
  link(pemda: string, periode: string, linkId: string): Promise<StoredLink | null>;
  recordLinks(input: LinkRecordInput): Promise<void>;
  decide(input: DecideInput): Promise<StoredLink>;
}

/** Base of the store's typed errors; `http/errors.ts` maps each to an HTTP answer. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The base version is not the HEAD any more (a lost race, or an old copy). */
export class StaleBaseError extends StoreError {
  constructor(readonly current: StaleDetails) {
    super(`stale base: HEAD is version ${current.currentVersion}`);
  }
}

/** The same submissionId was used for different content. */
export class SubmissionReusedError extends StoreError {}

/** Review of a version that is not the HEAD. */
export class VersionConflictError extends StoreError {
  constructor(readonly current: StaleDetails) {
    super(`version conflict: HEAD is version ${current.currentVersion}`);
  }
}

export class NotFoundError extends StoreError {}

/** A crosscutting decision lost the race against another decision on the same link. */
export class DecisionConflictError extends StoreError {}

/** A decision on a link that a push of its source is removing (or removed) meanwhile. */
export class LinkRemovedError extends StoreError {
  constructor(readonly linkId: string, readonly version: number) {
    super(`link ${linkId} is removed by source version ${version}`);
  }
}

/** A push removes links their target OPD approved (X05); a decision won the race. */
export class ApprovedLinkRemovedError extends StoreError {
  constructor(readonly linkIds: string[]) {
    super(`approved crosscutting links removed: ${linkIds.join(', ')}`);
  }
}

/** The version was already reviewed by someone else, or with another decision. */
export class AlreadyReviewedError extends StoreError {
  constructor(readonly current: { version: number; status: ReviewStatus; review: ReviewInfo }) {
    super(`version ${current.version} already ${current.status} by ${current.review.by}`);
  }
}

/** Throttling or a transient engine failure after the SDK's own retries: retryable (503). */
export class StoreUnavailableError extends StoreError {}
