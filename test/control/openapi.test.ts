// GET /v1/openapi.json: a structurally valid OpenAPI 3.1 document generated from the route map, which
// lists every registered route (ApiRouter.routes()) with its schemas and every endpoint of the REST spec;
// and the route map and the registered routes agree both ways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiRouter } from '../../server/http/api-router.ts';
import { createCollabPlane, type CollabPlane } from '../../server/collab/index.ts';
import { createAiPlane } from '../../server/ai/index.ts';
import { createControlPlane, type ControlPlane } from '../../server/control/index.ts';
import { registerHealthRoute } from '../../server/control/health-route.ts';
import { apiRoutes, type RouteSpec } from '../../server/protocol/api/routes/index.ts';
import { silentLogger } from '../../server/logger.ts';
import { startPlane, type PlaneFixture } from '../execution/plane-fixture.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { call } from './api.ts';
import { validateOpenApi31 } from './openapi-structure.ts';

/** Every `METHOD path` in the first column of the spec's endpoint tables (plus the AI poll routes). */
const SPEC_ENDPOINTS = `POST /v1/auth/register;POST /v1/auth/login;POST /v1/auth/refresh;POST /v1/auth/logout;POST /v1/auth/change-password;
POST /v1/auth/forgot-password;POST /v1/auth/reset-password;GET /v1/users/me;PATCH /v1/users/me;DELETE /v1/users/me;GET /v1/users/:userId;
POST /v1/users/me/avatar;GET /v1/users/me/quotas;GET /v1/users/me/active-room;GET /v1/users/me/stats;
POST /v1/rooms/:roomId/media/consent;POST /v1/rooms/:roomId/media/recording/start;POST /v1/rooms/:roomId/media/recording/stop;
POST /v1/rooms/:roomId/ai/messages;GET /v1/rooms/:roomId/ai/messages;POST /v1/rooms/:roomId/ai/hints;POST /v1/rooms/:roomId/ai/reviews;
GET /v1/rooms/:roomId/ai/messages/:jobId;GET /v1/rooms/:roomId/ai/hints/:jobId;GET /v1/rooms/:roomId/ai/reviews/:jobId;
GET /v1/rooms/:roomId/ai/weaknesses;POST /v1/rooms/:roomId/analysis;GET /v1/rooms/:roomId/analysis/:jobId;
GET /v1/problems;POST /v1/problems;GET /v1/problems/tags;GET /v1/problems/:problemId;PATCH /v1/problems/:problemId;DELETE /v1/problems/:problemId;
GET /v1/bookmarks;PUT /v1/bookmarks/:problemId;DELETE /v1/bookmarks/:problemId;
POST /v1/matchmaking/queue;DELETE /v1/matchmaking/queue;GET /v1/matchmaking/status;POST /v1/matchmaking/matches/:matchId/accept;
POST /v1/matchmaking/matches/:matchId/decline;GET /v1/admin/stats;GET /v1/admin/users;GET /v1/admin/users/:userId;PATCH /v1/admin/users/:userId;
GET /v1/admin/rooms;POST /v1/admin/rooms/:roomId/close;GET /v1/admin/audit-logs;GET /v1/health`;

/** Rooms (lifecycle, participants, control, media token, feedback), execution and sessions: registered by the rooms and sessions modules. */
const ROOMS_SPEC_ENDPOINTS = `POST /v1/rooms;GET /v1/rooms;GET /v1/rooms/lookup/:code;GET /v1/rooms/:roomId;DELETE /v1/rooms/:roomId;
POST /v1/rooms/:roomId/join;POST /v1/rooms/:roomId/leave;POST /v1/rooms/:roomId/run;POST /v1/rooms/:roomId/submit;GET /v1/rooms/:roomId/runs;
GET /v1/rooms/:roomId/submissions;GET /v1/rooms/:roomId/participants;PATCH /v1/rooms/:roomId/participants/:userId;
DELETE /v1/rooms/:roomId/participants/:userId;POST /v1/rooms/:roomId/control/phase;POST /v1/rooms/:roomId/control/problem;
PATCH /v1/rooms/:roomId/settings;POST /v1/rooms/:roomId/control/lock;POST /v1/rooms/:roomId/control/unlock;
POST /v1/rooms/:roomId/control/timer/pause;POST /v1/rooms/:roomId/control/timer/resume;POST /v1/rooms/:roomId/control/role-swap;
POST /v1/rooms/:roomId/control/role-swap/:requestId;POST /v1/rooms/:roomId/control/snapshot;POST /v1/rooms/:roomId/media/token;
POST /v1/rooms/:roomId/feedback;GET /v1/rooms/:roomId/feedback;GET /v1/rooms/:roomId/feedback/mine;GET /v1/runs/:runId;
GET /v1/submissions/:submissionId;GET /v1/sessions;GET /v1/sessions/compare;GET /v1/sessions/:sessionId;DELETE /v1/sessions/:sessionId;
GET /v1/sessions/:sessionId/report;GET /v1/sessions/:sessionId/timeline;GET /v1/sessions/:sessionId/snapshots;
GET /v1/sessions/:sessionId/recording;GET /v1/sessions/:sessionId/feedback;GET /v1/sessions/:sessionId/whiteboard;GET /v1/sessions/:sessionId/ai-history`;

const parse = (list: string) => list.split(';').map((e) => e.trim()).filter(Boolean).map((e) => e.split(' ') as [string, string]);
const toTemplate = (pattern: string) => pattern.replace(/:([A-Za-z]+)/g, '{$1}');

describe('OpenAPI document', () => {
  describe('in-process: every ApiRouter route', () => {
    let execution: PlaneFixture;
    let collab: CollabPlane;
    let control: ControlPlane;
    let http: Server;
    let url: string;
    const router = new ApiRouter(() => {});
    beforeAll(async () => {
      execution = await startPlane();
      collab = await createCollabPlane({ dataDir: execution.dataDir, jwtSecret: 'openapi-test-secret-0123456789abcdef', log: silentLogger });
      control = await createControlPlane({
        router, sql: execution.sql, jwtSecret: 'openapi-test-secret-0123456789abcdef', cursors: execution.cursors, mode: 'hosted', rateLimits: false, problemsDir: null,
        collab: collab.control, execution: execution.plane, collabUrl: () => 'ws://127.0.0.1/collab', log: silentLogger,
        ai: await createAiPlane({ sql: execution.sql, log: silentLogger, provider: undefined }),
      });
      // startServer registers the health route next to the control plane.
      registerHealthRoute(router, { version: '0.0.0', mode: 'hosted', startedAt: Date.now(), nodeId: 'openapi-test', probes: {}, features: () => ({
        media: false, recording: false, matchmaking: false, ai: false, email: false, languages: [], missingLanguages: [], sandbox: 'limited', analysisLanguages: [], missingAnalyzers: [],
      }) });
      http = createServer((req, res) => void router.handle(req, res));
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await control.close();
      await collab.close();
      await execution.close();
    });

    it('registers every route of the map, and nothing under /v1 that the map lacks', () => {
      const registered = router.routes().map((r) => `${r.method} ${r.pattern}`);
      expect(new Set(registered).size).toBe(registered.length);
      expect(Object.keys(apiRoutes).filter((key) => !registered.includes(key))).toEqual([]);
      expect(registered.filter((key) => key.includes(' /v1/') && !(key in apiRoutes))).toEqual([]);
    });

    it('documents each registered route with its body and response schemas', async () => {
      const res = await call({ url }, 'GET', '/v1/openapi.json');
      expect(res.status).toBe(200);
      const doc = res.body;
      expect(validateOpenApi31(doc)).toEqual([]);
      const routes = router.routes();
      expect(routes.length).toBeGreaterThan(40);
      for (const route of routes) {
        const op = doc.paths[toTemplate(route.pattern)]?.[route.method.toLowerCase()];
        expect(op, `${route.method} ${route.pattern}`).toBeDefined();
        const documented = (apiRoutes as Record<string, RouteSpec>)[`${route.method} ${route.pattern}`];
        expect(documented, `${route.method} ${route.pattern} is not in the route map`).toBeDefined();
        if (documented?.body) expect(op.requestBody.content['application/json'].schema.type).toBe('object');
        const success = op.responses[String(documented?.status ?? 200)];
        expect(success).toBeDefined();
        if (documented?.response) expect(success.content['application/json'].schema).toBeTypeOf('object');
        expect(op.responses.default.content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorResponse');
      }
      const register = doc.paths['/v1/auth/register'].post;
      expect(register.security).toEqual([]);
      expect(register.requestBody.content['application/json'].schema.required).toEqual(['email', 'password', 'displayName']);
      expect(register.responses['201'].content['application/json'].schema.properties.user.properties.role.enum).toEqual(['user', 'admin']);
      const list = doc.paths['/v1/problems'].get;
      expect(list.security).toBeUndefined();
      expect(list.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['q', 'difficulty', 'tags', 'limit', 'cursor']));
      expect(doc.paths['/v1/problems/{problemId}'].get.parameters).toEqual([{ name: 'problemId', in: 'path', required: true, schema: { type: 'string' } }]);
    });
  });

  describe('served by a real server', () => {
    let server: TestServer;
    let doc: any;
    beforeAll(async () => {
      server = await startTestServer({ rateLimits: false });
      doc = (await call(server, 'GET', '/v1/openapi.json')).body;
    });
    afterAll(() => server.stop());

    it('is public, valid OpenAPI 3.1, and lists every control-plane endpoint of the spec', () => {
      expect(doc.openapi).toBe('3.1.0');
      expect(validateOpenApi31(doc)).toEqual([]);
      const missing = parse(SPEC_ENDPOINTS).filter(([m, p]) => !doc.paths[toTemplate(p)]?.[m.toLowerCase()]);
      expect(missing).toEqual([]);
      expect(doc.paths['/v1/health'].get.responses['200'].content['application/json'].schema.properties.checks).toBeDefined();
    });

    it('lists every rooms/sessions endpoint of the spec once the rooms module registers', () => {
      // Before the rooms module is wired no /v1/rooms route exists at all; once it is, every rooms and sessions endpoint must be there.
      if (!doc.paths['/v1/rooms']) return;
      const missing = parse(ROOMS_SPEC_ENDPOINTS).filter(([m, p]) => !doc.paths[toTemplate(p)]?.[m.toLowerCase()]);
      expect(missing).toEqual([]);
    });

    it('the validator catches structural mistakes', () => {
      const broken = structuredClone(doc);
      broken.openapi = '3.0.0';
      broken.paths['/v1/problems/:problemId'] = { get: { responses: {} } };
      broken.paths['/v1/users/me'].get.responses.default.content['application/json'].schema.$ref = '#/components/schemas/Nope';
      const problems = validateOpenApi31(broken);
      expect(problems.some((p) => p.startsWith('openapi'))).toBe(true);
      expect(problems.some((p) => p.includes(':param'))).toBe(true);
      expect(problems.some((p) => p.includes('needs responses'))).toBe(true);
      expect(problems.some((p) => p.includes('unresolved $ref'))).toBe(true);
    });
  });
});
