// GET /v1/openapi.json: an OpenAPI 3.1 document of every route of the route map, built from the same
// zod schemas that validate requests (zod 4's z.toJSONSchema, JSON Schema 2020-12 = OAS 3.1).
import * as z from 'zod';
import { zErrorResponse } from '../../protocol/api/common.ts';
import { apiRoutes, methodAndPath, type RouteSpec } from '../../protocol/api/routes/index.ts';

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonObject;
  delete out.$schema;
  return out;
}

const ERROR_REF = { $ref: '#/components/schemas/ErrorResponse' };
const errorContent = { 'application/json': { schema: ERROR_REF } };

/** `/v1/rooms/:roomId` → `/v1/rooms/{roomId}` and the names of its path parameters. */
export function toOpenApiPath(pattern: string): { path: string; params: string[] } {
  const params: string[] = [];
  const path = pattern
    .split('/')
    .map((s) => {
      if (!s.startsWith(':')) return s;
      params.push(s.slice(1));
      return `{${s.slice(1)}}`;
    })
    .join('/');
  return { path, params };
}

function operationId(method: string, pattern: string): string {
  const words = pattern.split('/').filter(Boolean).map((s) => (s.startsWith(':') ? `by-${s.slice(1)}` : s));
  return [method.toLowerCase(), ...words].join('-').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''));
}

function queryParameters(doc: RouteSpec): JsonObject[] {
  if (!doc.query) return [];
  const schema = jsonSchema(doc.query, 'input');
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', required: required.has(name), schema: s }));
}

/**
 * A streaming route's success response: `text/event-stream` whose schema is one of its events, each an object
 * `{ event, data }` naming the SSE event and the JSON schema of its `data` line.
 */
function streamResponse(stream: NonNullable<RouteSpec['stream']>): JsonObject {
  const events = Object.entries(stream.events).map(([event, data]) => ({
    type: 'object',
    title: event,
    properties: { event: { const: event }, data: jsonSchema(data, 'output') },
    required: ['event', 'data'],
  }));
  return {
    description: `Server-sent events: ${Object.keys(stream.events).join(', ')}`,
    content: { [stream.contentType]: { schema: { oneOf: events } } },
  };
}

function operation(method: string, pattern: string, doc: RouteSpec, params: string[]): JsonObject {
  const responses: JsonObject = {};
  for (const status of [doc.status, ...(doc.alsoStatus ?? [])]) {
    responses[String(status)] = doc.stream
      ? streamResponse(doc.stream)
      : doc.response
        ? { description: status === doc.status ? 'Success' : 'Same body', content: { 'application/json': { schema: jsonSchema(doc.response, 'output') } } }
        : { description: 'Success, no body' };
  }
  responses.default = {
    description: ['Error (ErrorResponse)', ...(doc.errors ?? [])].join('; '),
    content: errorContent,
  };
  const op: JsonObject = {
    operationId: operationId(method, pattern),
    summary: doc.summary,
    tags: [doc.tag],
    parameters: [
      ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...queryParameters(doc),
    ],
    responses,
  };
  if (doc.public) op.security = [];
  if (doc.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(doc.body, 'input') } } };
  }
  return op;
}

export function buildOpenApiDocument(version: string): JsonObject & { openapi: string } {
  const paths: Record<string, JsonObject> = {};
  for (const [key, doc] of Object.entries(apiRoutes) as [string, RouteSpec][]) {
    const { method, path: pattern } = methodAndPath(key);
    const { path, params } = toOpenApiPath(pattern);
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = operation(method, pattern, doc, params);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'SynCode control plane', version, description: 'REST API v1.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ErrorResponse: jsonSchema(zErrorResponse, 'output') },
    },
  };
}
