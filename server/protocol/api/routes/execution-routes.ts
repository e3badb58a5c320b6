// Execution routes: interactive runs and judged submissions of a room, and their job reads.
import { zJobAccepted, zPage, zPageQuery } from '../common.ts';
import { zRunResult, zSubmissionResult, zSubmissionSummary } from '../executions.ts';
import { zRunBody, zSubmitAccepted, zSubmitBody } from '../rooms.ts';
import { defineRoutes } from './route-spec.ts';

const tag = 'execution';

export const executionRoutes = defineRoutes({
  'POST /v1/rooms/:roomId/run': {
    tag, summary: 'Interactive run', body: zRunBody, status: 202, response: zJobAccepted,
    errors: ['ROOM_EDITOR_LOCKED', 'ROOM_INVALID_PHASE', 'EXEC_UNAVAILABLE', 'USER_QUOTA_EXCEEDED'],
  },
  'POST /v1/rooms/:roomId/submit': {
    tag, summary: 'Submit the room code for judging', body: zSubmitBody, status: 202, response: zSubmitAccepted,
    errors: [
      'ROOM_EDITOR_LOCKED', 'ROOM_INVALID_PHASE', 'EXEC_NO_PROBLEM', 'EXEC_SUBMISSION_IN_PROGRESS', 'PROBLEM_LANGUAGE_UNSUPPORTED',
      'EXEC_UNAVAILABLE', 'USER_QUOTA_EXCEEDED', 'ROOM_COLLAB_UNAVAILABLE',
    ],
  },
  'GET /v1/rooms/:roomId/runs': { tag, summary: 'Runs of the room', query: zPageQuery, status: 200, response: zPage(zRunResult) },
  'GET /v1/rooms/:roomId/submissions': { tag, summary: 'Submissions of the room', query: zPageQuery, status: 200, response: zPage(zSubmissionSummary) },
  'GET /v1/runs/:runId': { tag, summary: 'One run result', status: 200, response: zRunResult, errors: ['EXEC_RUN_NOT_FOUND', 'ROOM_FORBIDDEN'] },
  'GET /v1/submissions/:submissionId': {
    tag, summary: 'One submission result', status: 200, response: zSubmissionResult, errors: ['EXEC_SUBMISSION_NOT_FOUND', 'ROOM_FORBIDDEN'],
  },
});
