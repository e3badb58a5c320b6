// GET /v1/openapi.json: an OpenAPI 3.1 document of every route registered on the ApiRouter, built from
// the same zod schemas that validate requests (zod 4's z.toJSONSchema, JSON Schema 2020-12 = OAS 3.1).
import { z } from 'zod';
import type { RouteInfo } from '../../http/api-router.ts';
import { zErrorResponse } from '../../protocol/api/common.ts';
import type { RouteDoc, RouteDocs } from '../route-docs.ts';

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

function queryParameters(doc: RouteDoc | undefined): JsonObject[] {
  if (!doc?.query) return [];
  const schema = jsonSchema(doc.query, 'input');
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', required: required.has(name), schema: s }));
}

function operation(route: RouteInfo, doc: RouteDoc | undefined, params: string[]): JsonObject {
  const status = doc?.status ?? 200;
  const responses: JsonObject = {};
  if (status >= 400) {
    responses[String(status)] = { description: (doc?.errors ?? []).join(', ') || 'Unavailable', content: errorContent };
  } else if (status === 204 || (!doc?.response && doc)) {
    responses[String(status)] = { description: 'Success, no body' };
  } else {
    const schema = doc?.response ? jsonSchema(doc.response, 'output') : { type: 'object' };
    responses[String(status)] = { description: 'Success', content: { 'application/json': { schema } } };
  }
  responses.default = {
    description: ['Error (§5)', ...(doc?.errors ?? [])].join('; '),
    content: errorContent,
  };
  const op: JsonObject = {
    operationId: operationId(route.method, route.pattern),
    summary: doc?.summary ?? `${route.method} ${route.pattern}`,
    tags: [doc?.tag ?? 'other'],
    parameters: [
      ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...queryParameters(doc),
    ],
    responses,
  };
  if (doc?.public) op.security = [];
  if (doc?.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(doc.body, 'input') } } };
  }
  return op;
}

export function buildOpenApiDocument(routes: readonly RouteInfo[], docs: RouteDocs, version: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const { path, params } = toOpenApiPath(route.pattern);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route, docs.get(route.method, route.pattern), params);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'SynCode control plane', version, description: 'REST API v1 (control-plane.md).' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ErrorResponse: jsonSchema(zErrorResponse, 'output') },
    },
  };
}
