// The metrics of one server (GET /metrics, Prometheus text format). Each server has its own registry, so
// several servers in one process (tests) never mix their counts. Gauges are read from the planes when
// scraped; counters and histograms are observed where the thing happens (HTTP responses, collab commits).
// docs/operations.md lists every metric.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CollabDoc } from '../protocol/index.ts';

/** Work waiting for and holding a slot of a bounded pool. */
export interface PoolLoad {
  queued: number;
  running: number;
}

/** What the gauges read when scraped. */
export interface MetricSources {
  /** The in-process collab plane; absent in a split deployment (this process then serves no room). */
  collab: { load(): { rooms: number; connections: number } } | undefined;
  execution: { load(): PoolLoad };
  ai: { load(): PoolLoad };
}

export interface ServerMetrics {
  /** Connects the gauges to the planes, once they are open. */
  readFrom(sources: MetricSources): void;
  /** One HTTP response: `route` is a pattern or a fixed name, never a raw path (labels must stay few). */
  observeRequest(route: string, method: string, status: number, seconds: number): void;
  /** The collab plane's write-ahead group commit: its duration and the updates it made durable. */
  observeCommit(durationMs: number, updates: readonly { doc: CollabDoc }[]): void;
  /** The process metrics and this server's, in the text exposition format. */
  exposition(): Promise<string>;
  readonly contentType: string;
}

const COMMIT_BUCKETS_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

export function createServerMetrics(): ServerMetrics {
  const registry = new Registry();
  const registers = [registry];
  let sources: MetricSources | undefined;

  // Before readFrom (and for a collab plane in another process) there is nothing: zeros.
  const collab = () => sources?.collab?.load() ?? { rooms: 0, connections: 0 };
  const execution = (): PoolLoad => sources?.execution.load() ?? { queued: 0, running: 0 };
  const ai = (): PoolLoad => sources?.ai.load() ?? { queued: 0, running: 0 };

  new Gauge({
    name: 'syncode_rooms_loaded',
    help: 'Rooms whose live documents this process holds.',
    registers,
    collect() {
      this.set(collab().rooms);
    },
  });
  new Gauge({
    name: 'syncode_collab_connections',
    help: 'Open /collab WebSocket connections on this process.',
    registers,
    collect() {
      this.set(collab().connections);
    },
  });
  const updates = new Counter({
    name: 'syncode_collab_updates_total',
    help: 'Document updates accepted and committed, by document kind.',
    labelNames: ['doc'] as const,
    registers,
  });
  const commits = new Histogram({
    name: 'syncode_collab_commit_seconds',
    help: 'Duration of one write-ahead group commit, from taking the batch to the store confirming it.',
    buckets: COMMIT_BUCKETS_SECONDS,
    registers,
  });
  new Gauge({
    name: 'syncode_execution_queue_depth',
    help: 'Runs, submissions and analyses waiting for an execution worker.',
    registers,
    collect() {
      this.set(execution().queued);
    },
  });
  new Gauge({
    name: 'syncode_execution_running',
    help: 'Runs, submissions and analyses executing now.',
    registers,
    collect() {
      this.set(execution().running);
    },
  });
  new Gauge({
    name: 'syncode_ai_jobs',
    help: 'AI provider requests (messages, hints, reviews, reports, estimates) waiting for a slot or in flight, by state.',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const { queued, running } = ai();
      this.set({ state: 'queued' }, queued);
      this.set({ state: 'running' }, running);
    },
  });
  const httpLabels = ['route', 'method', 'status_class'] as const;
  const requests = new Counter({ name: 'syncode_http_requests_total', help: 'HTTP responses.', labelNames: httpLabels, registers });
  const requestSeconds = new Histogram({
    name: 'syncode_http_request_seconds',
    help: 'Time from receiving an HTTP request to its response ending.',
    labelNames: httpLabels,
    registers,
  });

  return {
    readFrom(planes) {
      sources = planes;
    },
    observeRequest(route, method, status, seconds) {
      const labels = { route, method, status_class: `${Math.floor(status / 100)}xx` };
      requests.inc(labels);
      requestSeconds.observe(labels, seconds);
    },
    observeCommit(durationMs, committed) {
      commits.observe(durationMs / 1000);
      const byDoc = new Map<CollabDoc, number>();
      for (const { doc } of committed) byDoc.set(doc, (byDoc.get(doc) ?? 0) + 1);
      for (const [doc, count] of byDoc) updates.inc({ doc }, count);
    },
    async exposition() {
      return (await processRegistry().metrics()) + (await registry.metrics());
    },
    contentType: registry.contentType,
  };
}

let shared: Registry | undefined;

/**
 * RSS, CPU, heap, handles, event-loop lag: facts of the process, not of one server, so one registry serves
 * every server of the process. It is created on the first scrape because its event-loop monitor runs from
 * then on: a process whose metrics are never scraped (the desktop app, tests) runs none.
 */
function processRegistry(): Registry {
  if (!shared) {
    shared = new Registry();
    collectDefaultMetrics({ register: shared });
  }
  return shared;
}
