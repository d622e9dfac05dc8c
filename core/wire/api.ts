/**
 * Response bodies of the HTTP API (JSON). Shared by the handlers, the CLI client and the pane.
 *
 * Routes (all under /v1/pemda/{pemda}/periode/{periode}):
 *   PUT  /opd/{opd}/tree            → 201 PushAnswer (200 for a repeated submissionId)
 *   GET  /opd/{opd}/tree[?version=N]→ 200 TreeAnswer
 *   GET  /opd/{opd}/versions        → 200 VersionsAnswer
 *   GET  /opd                       → 200 OpdListAnswer
 *   POST /opd/{opd}/review          → 200 ReviewAnswer
 *   GET  /consolidated, GET /opd/{opd}/crosscutting, POST /opd/{opd}/crosscutting/{id}/decision:
 *        see consolidated.ts
 *   PUT/GET /opd/{opd}/realisasi/{tahun}, /opd/{opd}/lke/{tahun}, POST /opd/{opd}/lke/{tahun}/catatan:
 *        see docs.ts
 * Every failure: ErrorBody with the HTTP status of its code (ERROR_STATUS).
 */
import type { Issue } from '../issues.js';
import type { WorkbookSnapshot } from '../snapshot.js';
import type { ReviewAction } from './schema.js';

/** Review status of a version: submitted, accepted, returned. */
export type ReviewStatus = 'diajukan' | 'diterima' | 'dikembalikan';

export interface TreeCounts {
  boxes: number;
  indicators: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface ReviewInfo {
  action: ReviewAction;
  by: string;
  at: string;
  note: string;
}

/** One committed version, as listed in the history and returned with the tree. */
export interface VersionMeta {
  version: number;
  submissionId: string;
  /** sha256 (hex) of the tree's JSON text. */
  hash: string;
  /** `sub` of the pusher. */
  author: string;
  /** ISO time of the commit. */
  at: string;
  baseVersion: number;
  counts: TreeCounts;
  jsonBytes: number;
  gzipBytes: number;
  status: ReviewStatus;
  review?: ReviewInfo;
  /** The OPD's name from the tree's Info at push time (HEAD only), so lists can show it. */
  namaOpd?: string;
  /** `catatan`: a version that only the evaluator's notes made (an LKE, core/wire/docs.ts). */
  origin?: 'catatan';
}

export interface PushAnswer {
  version: number;
  hash: string;
  /** Warnings and information left after validation (errors are answered with 422). */
  issues: Issue[];
}

export interface TreeAnswer {
  pemda: string;
  periode: string;
  opd: string;
  /** The current HEAD version (the returned one may be older when ?version was given). */
  headVersion: number;
  meta: VersionMeta;
  tree: WorkbookSnapshot;
}

export interface VersionsAnswer {
  pemda: string;
  periode: string;
  opd: string;
  /** Newest first. */
  versions: VersionMeta[];
}

/** One OPD's HEAD: the latest version and its review state. */
export interface OpdRow extends VersionMeta {
  opd: string;
}

export interface OpdListAnswer {
  pemda: string;
  periode: string;
  opd: OpdRow[];
}

export interface ReviewAnswer {
  version: number;
  status: ReviewStatus;
  review: ReviewInfo;
}

/** Details of a 409 on a stale base. */
export interface StaleDetails {
  currentVersion: number;
  by: string;
  at: string;
}

export type ErrorCode =
  | 'BAD_REQUEST' | 'INVALID_JSON' | 'INVALID_BODY' | 'INVALID_PATH' | 'UNSUPPORTED_ENCODING' | 'INFO_MISMATCH'
  | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'ROUTE_NOT_FOUND'
  | 'STALE_BASE' | 'VERSION_CONFLICT' | 'SUBMISSION_REUSED' | 'ALREADY_DECIDED' | 'CONSOLIDATION_CHANGED'
  | 'PAYLOAD_TOO_LARGE' | 'INVALID_TREE' | 'INVALID_DOC' | 'UNAVAILABLE' | 'INTERNAL';

export const ERROR_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400, INVALID_JSON: 400, INVALID_BODY: 400, INVALID_PATH: 400, UNSUPPORTED_ENCODING: 415,
  INFO_MISMATCH: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, ROUTE_NOT_FOUND: 404,
  STALE_BASE: 409, VERSION_CONFLICT: 409, SUBMISSION_REUSED: 409, ALREADY_DECIDED: 409, CONSOLIDATION_CHANGED: 409,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_TREE: 422, INVALID_DOC: 422, UNAVAILABLE: 503, INTERNAL: 500,
};

export interface ErrorBody {
  error: {
    code: ErrorCode;
    /** Bahasa Indonesia. */
    message: string;
    /** English. */
    messageEn: string;
    /** STALE_BASE: StaleDetails; INVALID_TREE: { issues }; INVALID_BODY: { problems }; … */
    details?: unknown;
  };
}

export function isErrorBody(v: unknown): v is ErrorBody {
  if (typeof v !== 'object' || v === null) return false;
  const e = (v as { error?: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';
}
