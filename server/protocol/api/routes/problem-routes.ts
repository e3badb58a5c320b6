// Problems and bookmarks routes.
import { zPage, zPageQuery } from '../common.ts';
import { zBookmark, zProblemDetail, zProblemInput, zProblemListQuery, zProblemPatch, zProblemSummary, zTagList } from '../problems.ts';
import { defineRoutes } from './route-spec.ts';

const problems = 'problems';
const bookmarks = 'bookmarks';

export const problemRoutes = defineRoutes({
  'GET /v1/problems': {
    tag: problems, summary: 'List and search problems (title, then id)', query: zProblemListQuery, status: 200, response: zPage(zProblemSummary),
  },
  'POST /v1/problems': {
    tag: problems, summary: 'Create a problem (admin)', body: zProblemInput, status: 201, response: zProblemDetail,
    errors: ['ADMIN_FORBIDDEN', 'PROBLEM_SLUG_TAKEN'],
  },
  'GET /v1/problems/tags': { tag: problems, summary: 'Tags with problem counts', status: 200, response: zTagList },
  'GET /v1/problems/:problemId': {
    tag: problems, summary: 'Problem detail (hidden tests for admins only)', status: 200, response: zProblemDetail, errors: ['PROBLEM_NOT_FOUND'],
  },
  'PATCH /v1/problems/:problemId': {
    tag: problems, summary: 'Update a problem (admin); testCases replaces the list', body: zProblemPatch, status: 200, response: zProblemDetail,
    errors: ['ADMIN_FORBIDDEN', 'PROBLEM_NOT_FOUND', 'PROBLEM_SLUG_TAKEN'],
  },
  'DELETE /v1/problems/:problemId': {
    tag: problems, summary: 'Delete a problem (admin, soft)', status: 204, errors: ['ADMIN_FORBIDDEN', 'PROBLEM_NOT_FOUND', 'PROBLEM_IN_USE'],
  },
  'GET /v1/bookmarks': { tag: bookmarks, summary: 'My bookmarks, newest first', query: zPageQuery, status: 200, response: zPage(zBookmark) },
  'PUT /v1/bookmarks/:problemId': { tag: bookmarks, summary: 'Bookmark a problem (idempotent)', status: 204, errors: ['PROBLEM_NOT_FOUND'] },
  'DELETE /v1/bookmarks/:problemId': { tag: bookmarks, summary: 'Remove a bookmark (idempotent)', status: 204 },
});
