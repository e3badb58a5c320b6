// QuotaInfo (GET /v1/users/me/quotas). No plans are configured in this deployment: every limit is null
// (unlimited) except, in hosted mode, the AI allowance an operator sets (SYNCODE_AI_REQUESTS_PER_DAY), which
// the AI routes enforce with USER_QUOTA_EXCEEDED. Usage is reported for the current UTC day/month.
import type { QuotaInfo } from '../../protocol/api/users.ts';
import type { ServerMode } from '../../protocol/index.ts';
import type { OutcomesRepository } from '../../storage/control/outcomes-repository.ts';
import type { AiService } from '../../ai/index.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { toTimestamp } from '../../protocol/timestamps.ts';

export async function quotaInfo(
  mode: ServerMode,
  userId: string,
  audit: Pick<AuditLog, 'countByActorSince'>,
  outcomes: OutcomesRepository,
  ai: Pick<AiService, 'requestsPerDay' | 'requestsSince'>,
  now = Date.now(),
): Promise<QuotaInfo> {
  const d = new Date(now);
  const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const executions = await outcomes.countSince(dayStart, userId);
  // Rooms created today, from the audit trail the rooms module writes (`room.created`).
  const roomsCreated = await audit.countByActorSince('room.created', userId, dayStart);
  return {
    plan: mode === 'embedded' ? 'local' : 'free',
    limits: {
      roomsPerDay: null,
      runsPerDay: null,
      submissionsPerDay: null,
      aiRequestsPerDay: mode === 'hosted' ? ai.requestsPerDay : null,
      recordingMinutesPerMonth: null,
    },
    usage: {
      roomsPerDay: roomsCreated,
      runsPerDay: executions.runs,
      submissionsPerDay: executions.submissions,
      aiRequestsPerDay: await ai.requestsSince(userId, dayStart),
      // No recording in this deployment.
      recordingMinutesPerMonth: 0,
    },
    resetsAt: toTimestamp(dayStart + 24 * 3600 * 1000),
  };
}
