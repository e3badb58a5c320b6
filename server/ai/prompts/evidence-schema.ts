// Pieces of the structured answers the model returns, shared by the review and report prompts. Numbers are
// accepted as any number and rounded/clamped, because smaller local models often answer 87.5 or 0.
import * as z from 'zod';
import { REPORT_DIMENSIONS } from '../../protocol/api/sessions.ts';

export const zScore = z.number().transform((n) => Math.min(100, Math.max(0, Math.round(n))));

export const zModelEvidence = z.object({
  line: z.number().int().min(1).nullable(),
  quote: z.string().transform((s) => s.slice(0, 500)),
  note: z.string(),
});

export const zModelDimension = z.object({
  name: z.enum(REPORT_DIMENSIONS),
  score: zScore,
  summary: z.string(),
  evidence: z.array(zModelEvidence).max(5),
});

export type ModelEvidence = z.infer<typeof zModelEvidence>;

/** Evidence as the API shows it: tied to the session (= room) and, when known, the snapshot it quotes. */
export function toEvidence(e: ModelEvidence, sessionId: string, snapshotId: string | null) {
  return { sessionId, snapshotId, line: e.line, quote: e.quote, note: e.note };
}
