// Routes of the features served by optional backing services: the AI interviewer, static analysis,
// recording and matchmaking. Without the service a deployment answers them with 503 and the area's
// *_UNAVAILABLE code; the entries are the contract the implementations serve.
import { zEmpty, zJobAccepted, zPage } from '../common.ts';
import {
  zAiDelta,
  zAiHintBody,
  zAiJob,
  zAiMessage,
  zAiMessageBody,
  zAiReviewBody,
  zAiStreamError,
  zAnalysisBody,
  zAnalysisJob,
  zCodeReview,
  zHintResult,
  zWeaknesses,
} from '../ai.ts';
import { zMatchQueueBody, zMatchStatus } from '../matchmaking.ts';
import { zConsent, zConsentBody } from '../recording.ts';
import { zRecordingState } from '../rooms.ts';
import { zAiHistoryQuery } from '../sessions.ts';
import { defineRoutes } from './route-spec.ts';

const ai = 'ai';
const AI_POST_ERRORS = ['AI_DISABLED', 'AI_UNAVAILABLE', 'USER_QUOTA_EXCEEDED', 'ROOM_CLOSED'] as const;
const AI_POLL_ERRORS = ['AI_JOB_NOT_FOUND', 'AI_UNAVAILABLE'] as const;
const zAiMessageJob = zAiJob('message', zAiMessage);
const media = 'media';
const match = 'matchmaking';

export const featureRoutes = defineRoutes({
  'POST /v1/rooms/:roomId/ai/messages': {
    tag: ai, summary: 'Message the AI interviewer', body: zAiMessageBody, status: 202, response: zJobAccepted, errors: AI_POST_ERRORS,
  },
  'GET /v1/rooms/:roomId/ai/messages': {
    tag: ai, summary: 'AI conversation history', query: zAiHistoryQuery, status: 200, response: zPage(zAiMessage), errors: ['AI_UNAVAILABLE'],
  },
  'GET /v1/rooms/:roomId/ai/messages/:jobId': {
    tag: ai, summary: 'Poll an AI message job', status: 200, response: zAiMessageJob, errors: AI_POLL_ERRORS,
  },
  'GET /v1/rooms/:roomId/ai/messages/:jobId/stream': {
    tag: ai, summary: 'The AI reply as it is generated (server-sent events)', status: 200,
    stream: { contentType: 'text/event-stream', events: { delta: zAiDelta, done: zAiMessageJob, error: zAiStreamError } }, errors: AI_POLL_ERRORS,
  },
  'POST /v1/rooms/:roomId/ai/messages/:jobId/cancel': {
    tag: ai, summary: 'Stop generating an AI reply', body: zEmpty, status: 200, response: zAiMessageJob, errors: AI_POLL_ERRORS,
  },
  'POST /v1/rooms/:roomId/ai/hints': { tag: ai, summary: 'Request a hint', body: zAiHintBody, status: 202, response: zJobAccepted, errors: AI_POST_ERRORS },
  'GET /v1/rooms/:roomId/ai/hints/:jobId': { tag: ai, summary: 'Poll a hint job', status: 200, response: zAiJob('hint', zHintResult), errors: AI_POLL_ERRORS },
  'POST /v1/rooms/:roomId/ai/reviews': {
    tag: ai, summary: 'Request a code review', body: zAiReviewBody, status: 202, response: zJobAccepted, errors: AI_POST_ERRORS,
  },
  'GET /v1/rooms/:roomId/ai/reviews/:jobId': { tag: ai, summary: 'Poll a review job', status: 200, response: zAiJob('review', zCodeReview), errors: AI_POLL_ERRORS },
  'GET /v1/rooms/:roomId/ai/weaknesses': { tag: ai, summary: 'Cross-session weaknesses', status: 200, response: zWeaknesses, errors: ['AI_UNAVAILABLE'] },

  'POST /v1/rooms/:roomId/analysis': {
    tag: 'analysis', summary: 'Start static analysis', body: zAnalysisBody, status: 202, response: zJobAccepted, errors: ['EXEC_UNAVAILABLE', 'ROOM_CLOSED'],
  },
  'GET /v1/rooms/:roomId/analysis/:jobId': {
    tag: 'analysis', summary: 'Poll static analysis', status: 200, response: zAnalysisJob, errors: ['EXEC_ANALYSIS_NOT_FOUND', 'EXEC_UNAVAILABLE'],
  },

  'POST /v1/rooms/:roomId/media/consent': {
    tag: media, summary: 'Recording consent', body: zConsentBody, status: 200, response: zConsent, errors: ['ROOM_CLOSED', 'ROOM_MEDIA_UNAVAILABLE'],
  },
  'POST /v1/rooms/:roomId/media/recording/start': {
    tag: media, summary: 'Start recording', body: zEmpty, status: 200, response: zRecordingState,
    errors: ['ROOM_RECORDING_CONSENT_REQUIRED', 'ROOM_RECORDING_CONFLICT', 'ROOM_MEDIA_UNAVAILABLE', 'ROOM_CLOSED'],
  },
  'POST /v1/rooms/:roomId/media/recording/stop': {
    tag: media, summary: 'Stop recording', body: zEmpty, status: 200, response: zRecordingState, errors: ['ROOM_RECORDING_CONFLICT', 'ROOM_MEDIA_UNAVAILABLE'],
  },

  'POST /v1/matchmaking/queue': {
    tag: match, summary: 'Enter the matchmaking queue', body: zMatchQueueBody, status: 202, response: zMatchStatus, errors: ['MATCH_ALREADY_QUEUED', 'MATCH_UNAVAILABLE'],
  },
  'DELETE /v1/matchmaking/queue': { tag: match, summary: 'Leave the matchmaking queue', status: 204, errors: ['MATCH_UNAVAILABLE'] },
  'GET /v1/matchmaking/status': { tag: match, summary: 'Matchmaking status', status: 200, response: zMatchStatus, errors: ['MATCH_UNAVAILABLE'] },
  'POST /v1/matchmaking/matches/:matchId/accept': {
    tag: match, summary: 'Accept a match', body: zEmpty, status: 200, response: zMatchStatus, errors: ['MATCH_NOT_FOUND', 'MATCH_EXPIRED', 'MATCH_UNAVAILABLE'],
  },
  'POST /v1/matchmaking/matches/:matchId/decline': {
    tag: match, summary: 'Decline a match', body: zEmpty, status: 200, response: zMatchStatus, errors: ['MATCH_NOT_FOUND', 'MATCH_EXPIRED', 'MATCH_UNAVAILABLE'],
  },
});
