/**
 * Crosscutting links and decisions in DynamoDB (SAKIP.md §9), in the pemda/periode's own
 * partition so that one Query reads every link of a consolidation:
 *   link   PK=XC#<pemda>#<periode>  SK=LINK#<linkId>     one item per link: the request as last
 *          pushed (source, node, target, target node, content, active) + the target's decision
 *   audit  PK=XC#<pemda>#<periode>  SK=LOG#<iso time>#<linkId>-<rand>
 * A push upserts the request fields and never touches `decision`/`rev`; a decision is a
 * conditional update on `rev` (optimistic lock: two planners of the target OPD deciding at
 * once → one wins, the other gets 409), then the audit item. No GSI keys: link items never
 * show up in the OPD listing.
 * X05 without transactions: a push that drops a link first claims it on this same item
 * (`removal`, conditional on no approval), then moves its HEAD; a decision is conditional on
 * no claim newer than the source version it judged. Whichever write lands first on the link
 * item wins; the other fails its condition.
 */
import { PutCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { LinkDecision } from '../../core/derive/consolidate/links.js';
import type { DecisionStatus } from '../../core/wire/index.js';
import { queryAll, type Sender } from './dynamo-read.js';
import { ApprovedLinkRemovedError, DecisionConflictError, LinkRemovedError, type DecideInput, type LinkRecordInput, type RemovalClaim, type StoredLink } from './types.js';

export const linksPk = (pemda: string, periode: string): string => `XC#${pemda}#${periode}`;
export const LINK_PREFIX = 'LINK#';

interface LinkItem extends StoredLink {
  PK: string;
  SK: string;
}

const strip = ({ PK: _p, SK: _s, ...rest }: LinkItem): StoredLink => rest;

export async function readLinks(s: Sender, table: string, pemda: string, periode: string): Promise<StoredLink[]> {
  const items = await queryAll(s, {
    TableName: table, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :l)',
    ExpressionAttributeValues: { ':pk': linksPk(pemda, periode), ':l': LINK_PREFIX }, ConsistentRead: true,
  }, 'Query links');
  return (items as unknown as LinkItem[]).map(strip);
}

export async function readLink(s: Sender, table: string, pemda: string, periode: string, linkId: string): Promise<StoredLink | null> {
  const out = await s.send<{ Item?: Record<string, unknown> }>('GetItem link', new GetCommand({
    TableName: table, Key: { PK: linksPk(pemda, periode), SK: LINK_PREFIX + linkId }, ConsistentRead: true,
  }));
  return out.Item ? strip(out.Item as unknown as LinkItem) : null;
}

/** A late recording of an older version never overwrites a newer version's (retries, slow writers). */
const NOT_NEWER = 'attribute_not_exists(sourceVersion) OR sourceVersion <= :v';

async function ifNotNewer(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (e) {
    if (!(e instanceof Error && e.name === 'ConditionalCheckFailedException')) throw e;
  }
}

/**
 * Records the links of a committed version of `sourceOpd`: new or changed ones are upserted,
 * links that left the tree are marked inactive (kept: their decision is history). Unchanged
 * links cost nothing, so an ordinary re-push writes no link items.
 */
export async function recordLinks(s: Sender, table: string, input: LinkRecordInput, now: string): Promise<void> {
  const existing = (await readLinks(s, table, input.pemda, input.periode)).filter((l) => l.sourceOpd === input.sourceOpd);
  const before = new Map(existing.map((l) => [l.linkId, l]));
  const pk = linksPk(input.pemda, input.periode);
  const writes: Promise<unknown>[] = [];
  const seen = new Set<string>();
  for (const l of input.links) {
    seen.add(l.linkId);
    const old = before.get(l.linkId);
    if (old && old.active && old.contentHash === l.contentHash && old.kontribusi === l.kontribusi && old.keterangan === l.keterangan) continue;
    writes.push(ifNotNewer(s.send('UpdateItem link', new UpdateCommand({
      TableName: table, Key: { PK: pk, SK: LINK_PREFIX + l.linkId },
      UpdateExpression: 'SET linkId = :id, sourceOpd = :so, nodeId = :n, targetOpd = :t, nodeTujuan = :nt, kontribusi = :k, ' +
        'keterangan = :ket, contentHash = :h, sourceVersion = :v, active = :a, seenAt = :at, rev = if_not_exists(rev, :zero)',
      ConditionExpression: NOT_NEWER,
      ExpressionAttributeValues: {
        ':id': l.linkId, ':so': input.sourceOpd, ':n': l.nodeId, ':t': l.targetOpd, ':nt': l.nodeTujuan, ':k': l.kontribusi,
        ':ket': l.keterangan, ':h': l.contentHash, ':v': input.version, ':a': true, ':at': now, ':zero': 0,
      },
    }))));
  }
  for (const old of existing) {
    if (seen.has(old.linkId) || !old.active) continue;
    writes.push(ifNotNewer(s.send('UpdateItem link inactive', new UpdateCommand({
      TableName: table, Key: { PK: pk, SK: LINK_PREFIX + old.linkId },
      UpdateExpression: 'SET active = :f, sourceVersion = :v, seenAt = :at',
      ConditionExpression: NOT_NEWER,
      ExpressionAttributeValues: { ':f': false, ':v': input.version, ':at': now },
    }))));
  }
  await Promise.all(writes);
}

/**
 * A push of the source is about to commit `version` without this link. Refused when the target
 * OPD approved it. Creates the item when the link was never recorded (its recording may still
 * be on its way), so a decision that arrives later still meets the claim.
 */
export async function claimRemoval(s: Sender, table: string, c: RemovalClaim): Promise<void> {
  try {
    await s.send('UpdateItem link removal', new UpdateCommand({
      TableName: table, Key: { PK: linksPk(c.pemda, c.periode), SK: LINK_PREFIX + c.linkId },
      UpdateExpression: 'SET removal = :r',
      ConditionExpression: 'attribute_not_exists(decision) OR decision.#st <> :ok',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':r': { version: c.version, submissionId: c.submissionId, at: c.at }, ':ok': 'disetujui' },
    }));
  } catch (e) {
    if (e instanceof Error && e.name === 'ConditionalCheckFailedException') throw new ApprovedLinkRemovedError([c.linkId]);
    throw e;
  }
}

/**
 * The decision, if `rev` is still the one the caller read and no push of the source newer than
 * the version judged claimed the link's removal; then the audit item.
 */
export async function decide(s: Sender, table: string, input: DecideInput, now: string): Promise<StoredLink> {
  const pk = linksPk(input.pemda, input.periode);
  const decision = { status: input.status, reason: input.reason, by: input.actor, at: now, contentHash: input.contentHash, sourceVersion: input.sourceVersion };
  let out: { Attributes?: Record<string, unknown> };
  try {
    out = await s.send('UpdateItem link decision', new UpdateCommand({
      TableName: table, Key: { PK: pk, SK: LINK_PREFIX + input.linkId },
      UpdateExpression: 'SET decision = :d, rev = rev + :one',
      ConditionExpression: 'attribute_exists(PK) AND rev = :rev AND (attribute_not_exists(removal) OR removal.#v <= :judged)',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':d': decision, ':one': 1, ':rev': input.expectRev, ':judged': input.sourceVersion },
      ReturnValues: 'ALL_NEW',
    }));
  } catch (e) {
    if (!(e instanceof Error && e.name === 'ConditionalCheckFailedException')) throw e;
    const now = await readLink(s, table, input.pemda, input.periode, input.linkId);
    if (now?.removal && now.removal.version > input.sourceVersion) throw new LinkRemovedError(input.linkId, now.removal.version);
    throw new DecisionConflictError(`link ${input.linkId} changed meanwhile`);
  }
  // The link item holds the current decision; the audit item keeps the history (a lost one loses only history).
  await s.send('PutItem link audit', new PutCommand({
    TableName: table,
    Item: {
      PK: pk, SK: `LOG#${now}#${input.linkId}-${Math.random().toString(36).slice(2, 8)}`, action: 'crosscutting',
      linkId: input.linkId, from: input.fromStatus, to: input.status, reason: input.reason, actor: input.actor, at: now,
      sourceVersion: input.sourceVersion,
    },
  }));
  return strip(out.Attributes as unknown as LinkItem);
}

/** The decision of a stored link in core's shape (for effectiveStatus / consolidate). */
export function toDecision(l: StoredLink): LinkDecision | null {
  if (!l.decision) return null;
  return {
    linkId: l.linkId, sourceOpd: l.sourceOpd, nodeId: l.nodeId, targetOpd: l.targetOpd, nodeTujuan: l.nodeTujuan,
    status: l.decision.status as DecisionStatus, reason: l.decision.reason, by: l.decision.by, at: l.decision.at,
    contentHash: l.decision.contentHash, rev: l.rev,
  };
}
