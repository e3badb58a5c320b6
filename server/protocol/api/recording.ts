// Recording consent schemas. This deployment answers the consent and recording routes with 503
// ROOM_MEDIA_UNAVAILABLE; RecordingState (rooms.ts) is what the recording routes return once implemented.
import * as z from 'zod';
import { zTimestamp, zUuid } from './common.ts';

export const zConsentBody = z.object({ consent: z.boolean() });
export const zConsent = z.object({ userId: zUuid, consent: z.boolean(), recordedAt: zTimestamp });
export const zRecordingDownload = z.object({
  url: z.url(),
  expiresAt: zTimestamp,
  durationMs: z.number().int(),
  sizeBytes: z.number().int(),
  contentType: z.string(),
});
