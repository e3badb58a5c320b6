// Matchmaking schemas (queue entry, MatchStatus). This deployment answers the matchmaking routes with
// 503 MATCH_UNAVAILABLE; the schemas are the contract a hosted matchmaker serves.
import * as z from 'zod';
import { MATCH_STATES } from '../enums.ts';
import { zDifficulty, zSupportedLanguage, zTimestamp, zUrl, zUuid } from './common.ts';

export const zMatchQueueBody = z.object({
  difficulty: zDifficulty.optional(),
  languages: z.array(zSupportedLanguage).min(1).max(8).optional(),
  tags: z.array(z.string()).max(5).optional(),
});

export const zMatchStatus = z.object({
  state: z.enum(MATCH_STATES),
  queuedAt: zTimestamp.nullable(),
  criteria: z
    .object({ difficulty: zDifficulty.nullable(), languages: z.array(zSupportedLanguage), tags: z.array(z.string()) })
    .nullable(),
  proposal: z
    .object({
      matchId: zUuid,
      opponent: z.object({
        userId: zUuid,
        displayName: z.string(),
        avatarUrl: zUrl.nullable(),
        sessionsCompleted: z.number().int(),
        preferredLanguage: zSupportedLanguage.nullable(),
      }),
      expiresAt: zTimestamp,
      acceptedByMe: z.boolean(),
      acceptedByOpponent: z.boolean(),
    })
    .nullable(),
  roomId: zUuid.nullable(),
});
