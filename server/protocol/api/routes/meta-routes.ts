// The health check and this API's own OpenAPI document.
import * as z from 'zod';
import { zHealthResponse } from '../health.ts';
import { defineRoutes } from './route-spec.ts';

export const metaRoutes = defineRoutes({
  'GET /v1/health': {
    tag: 'health', summary: 'Deep health check (503 with the same body when down)', public: true, status: 200, alsoStatus: [503], response: zHealthResponse,
  },
  'GET /v1/openapi.json': {
    tag: 'meta', summary: 'This OpenAPI 3.1 document', public: true, status: 200, response: z.looseObject({ openapi: z.string() }),
  },
});
