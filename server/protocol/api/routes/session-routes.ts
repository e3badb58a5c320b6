// Sessions routes: the durable record of a room (`sessionId` = `roomId`).
import * as z from 'zod';
import { zPage } from '../common.ts';
import { zRecordingDownload } from '../recording.ts';
import { zPeerFeedbackEntry } from '../rooms.ts';
import {
  zAiHistoryQuery,
  zCodeSnapshot,
  zCompareQuery,
  zListSessionsQuery,
  zReplayPage,
  zReplayQuery,
  zReportQuery,
  zSessionComparison,
  zSessionDetail,
  zSessionEvent,
  zSessionSummary,
  zSnapshotsQuery,
  zTimelineQuery,
  zTrainingReport,
  zWhiteboardExport,
  zWhiteboardQuery,
} from '../sessions.ts';
import { zAiMessage } from '../ai.ts';
import { defineRoutes } from './route-spec.ts';

const tag = 'sessions';

export const sessionRoutes = defineRoutes({
  'GET /v1/sessions': { tag, summary: 'My session history', query: zListSessionsQuery, status: 200, response: zPage(zSessionSummary) },
  'GET /v1/sessions/compare': {
    tag, summary: 'Compare my sessions', query: zCompareQuery, status: 200, response: zSessionComparison,
    errors: ['SESSION_NOT_FOUND', 'SESSION_FORBIDDEN', 'SESSION_NOT_FINISHED'],
  },
  'GET /v1/sessions/:sessionId': { tag, summary: 'Session detail', status: 200, response: zSessionDetail, errors: ['SESSION_NOT_FOUND', 'SESSION_FORBIDDEN'] },
  'DELETE /v1/sessions/:sessionId': { tag, summary: 'Hide the session from my history', status: 204, errors: ['SESSION_NOT_FOUND', 'SESSION_NOT_FINISHED'] },
  'GET /v1/sessions/:sessionId/report': {
    tag, summary: 'Training report', query: zReportQuery, status: 200, response: zTrainingReport, errors: ['SESSION_FORBIDDEN', 'SESSION_NOT_FINISHED'],
  },
  'GET /v1/sessions/:sessionId/timeline': { tag, summary: 'Session events', query: zTimelineQuery, status: 200, response: zPage(zSessionEvent) },
  'GET /v1/sessions/:sessionId/snapshots': { tag, summary: 'Code snapshots', query: zSnapshotsQuery, status: 200, response: zPage(zCodeSnapshot) },
  'GET /v1/sessions/:sessionId/recording': {
    tag, summary: 'Recording download', status: 200, response: zRecordingDownload, errors: ['SESSION_RECORDING_NOT_FOUND', 'SESSION_NOT_FINISHED'],
  },
  'GET /v1/sessions/:sessionId/feedback': { tag, summary: 'Session feedback', status: 200, response: z.object({ items: z.array(zPeerFeedbackEntry) }) },
  'GET /v1/sessions/:sessionId/whiteboard': {
    tag, summary: 'Whiteboard export', query: zWhiteboardQuery, status: 200, response: zWhiteboardExport,
    errors: ['SESSION_WHITEBOARD_NOT_FOUND', 'SESSION_NOT_FINISHED', 'ROOM_COLLAB_UNAVAILABLE'],
  },
  'GET /v1/sessions/:sessionId/replay/:doc': {
    tag, summary: 'Keystroke-level history of the code or whiteboard document', query: zReplayQuery, status: 200, response: zReplayPage,
    errors: ['SESSION_NOT_FOUND', 'SESSION_FORBIDDEN', 'ROOM_COLLAB_UNAVAILABLE'],
  },
  'GET /v1/sessions/:sessionId/ai-history': {
    tag, summary: 'AI conversation of the session', query: zAiHistoryQuery, status: 200, response: zPage(zAiMessage),
  },
});
