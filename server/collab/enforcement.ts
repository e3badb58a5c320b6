import { writeRefusal, type CollabDoc, type RoomRole, type UpdateRejectedReason } from '../protocol/index.ts';
import type { UpdateAnalysis } from './update-analysis.ts';

export interface JudgedSender {
  role: RoomRole;
  doc: CollabDoc;
  editorLocked: boolean;
  /** Tainted or in probation (R4). */
  mustResync: boolean;
  bans: ReadonlySet<number>;
  userId: string;
  /** Yjs clientID → owning user. */
  owners: ReadonlyMap<number, string>;
}

/** Rules R1, R2, R3 (banned), R3b (foreign clientID), R4, R5 in order for a content-bearing message; null when it is accepted. */
export function judgeUpdate(sender: JudgedSender, analysis: UpdateAnalysis): UpdateRejectedReason | null {
  const refusal = writeRefusal(sender.role, sender.doc, sender.editorLocked);
  if (refusal) return refusal;
  if (analysis.touchesGuardedRoot) return 'meta-readonly';
  for (const client of analysis.authors) if (sender.bans.has(client)) return 'banned-client';
  for (const client of analysis.authors) if ((sender.owners.get(client) ?? sender.userId) !== sender.userId) return 'foreign-client';
  if (sender.mustResync) return 'resync-required';
  if (analysis.missingDependencies) return 'invalid-update';
  return null;
}
