// HealthResponse of GET /v1/health, for the OpenAPI document and the client.
import * as z from 'zod';
import { HEALTH_CHECK_NAMES } from '../health.ts';
import { SERVER_MODES } from '../enums.ts';
import { zSupportedLanguage } from './common.ts';

const zCheck = z.object({
  status: z.enum(['ok', 'degraded', 'down', 'disabled']),
  latencyMs: z.number().int().nullable(),
  message: z.string().nullable(),
});

const zMissingLanguage = z.object({ language: zSupportedLanguage, installHint: z.string() });

export const zHealthResponse = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  version: z.string(),
  mode: z.enum(SERVER_MODES),
  uptimeMs: z.number().int(),
  database: z.enum(['sqlite', 'postgres']),
  nodes: z.number().int().min(1),
  nodeId: z.string(),
  checks: z.object(Object.fromEntries(HEALTH_CHECK_NAMES.map((name) => [name, zCheck])) as Record<(typeof HEALTH_CHECK_NAMES)[number], typeof zCheck>),
  features: z.object({
    media: z.boolean(),
    recording: z.boolean(),
    matchmaking: z.boolean(),
    ai: z.boolean(),
    email: z.boolean(),
    languages: z.array(zSupportedLanguage),
    missingLanguages: z.array(zMissingLanguage),
    sandbox: z.enum(['isolated', 'limited']),
    analysisLanguages: z.array(zSupportedLanguage),
    missingAnalyzers: z.array(zMissingLanguage),
  }),
});
