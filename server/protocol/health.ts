// GET /v1/health: overall status, version, mode, uptime and one check per dependency.

import type { ServerMode, SupportedLanguage } from './enums.ts';

export type CheckStatus = 'ok' | 'degraded' | 'down' | 'disabled';
export const HEALTH_CHECK_NAMES = ['database', 'collab', 'execution', 'ai', 'media', 'storage', 'email', 'matchmaking'] as const;
export type HealthCheckName = (typeof HEALTH_CHECK_NAMES)[number];

export interface HealthCheck {
  status: CheckStatus;
  latencyMs: number | null;
  message: string | null;
}

/** A language this machine cannot run because its toolchain is missing, and how to install it. */
export interface MissingLanguage {
  language: SupportedLanguage;
  installHint: string;
}

export interface HealthFeatures {
  media: boolean;
  recording: boolean;
  matchmaking: boolean;
  ai: boolean;
  email: boolean;
  languages: SupportedLanguage[];
  /** Languages left out of `languages` because no toolchain was found on the server's machine (additive field). */
  missingLanguages: MissingLanguage[];
  sandbox: 'isolated' | 'limited';
  /** Languages whose static analyzer can run here (additive field). */
  analysisLanguages: SupportedLanguage[];
  /** Languages without a static analyzer on the server's machine, and how to get one (additive field). */
  missingAnalyzers: MissingLanguage[];
}

export interface HealthResponse {
  status: 'ok' | 'degraded' | 'down';
  version: string;
  mode: ServerMode;
  uptimeMs: number;
  /** Where durable state lives: one SQLite file (one process) or PostgreSQL shared by several processes. */
  database: 'sqlite' | 'postgres';
  /** Live server processes sharing this deployment's state (1 without scale-out). */
  nodes: number;
  nodeId: string;
  checks: Record<HealthCheckName, HealthCheck>;
  features: HealthFeatures;
}
