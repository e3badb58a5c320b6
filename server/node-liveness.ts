// Which server processes are alive, for work a process takes on in the database (executions, AI jobs,
// training reports): such a job records the node that runs it, and what a dead node left unfinished is
// failed (or taken over) by a live one. Alone, a process is the only live node, so at start everything
// unfinished is a previous run's; in a cluster, node presence in Redis tells (server/cluster).

export interface NodeLiveness {
  /** This process's node id (SYNCODE_NODE_ID). */
  readonly nodeId: string;
  /**
   * The ids of the live nodes (this one once it has joined); null when that cannot be told right now (Redis
   * unreachable): then nothing is swept, since a live node's work would look abandoned.
   */
  liveNodes(): Promise<ReadonlySet<string> | null>;
  /** How often a live process looks for dead nodes' unfinished work; 0: only at start (a process alone). */
  readonly sweepEveryMs: number;
}

/** A process alone: no other node can be running anything. A plane given no liveness is alone as `local`. */
export function aloneLiveness(nodeId = 'local'): NodeLiveness {
  return { nodeId, liveNodes: () => Promise.resolve(new Set([nodeId])), sweepEveryMs: 0 };
}

/** A SQL condition and its `?` parameters. */
export interface SqlCondition {
  sql: string;
  params: string[];
}

/**
 * The SQL condition on an owner column (the node id a job records) that selects abandoned work, or null when
 * nothing can be told abandoned. Abandoned: this process's own from before it started (`atStart`: it runs
 * nothing yet), one with no owner recorded (written before jobs recorded one; at start only), or a node that
 * is not alive. This process counts as alive whatever Redis says, so a sweep never fails its own work.
 */
export function abandonedWhere(
  column: string,
  liveness: NodeLiveness,
  live: ReadonlySet<string> | null,
  atStart: boolean,
): SqlCondition | null {
  const terms: string[] = [];
  const params: string[] = [];
  if (atStart) {
    terms.push(`${column} IS NULL`, `${column} = ?`);
    params.push(liveness.nodeId);
  }
  if (live !== null) {
    const alive = [...new Set([...live, liveness.nodeId])];
    terms.push(`${column} NOT IN (${alive.map(() => '?').join(', ')})`);
    params.push(...alive);
  }
  return terms.length === 0 ? null : { sql: `(${terms.join(' OR ')})`, params };
}

/**
 * Runs `sweep` every `liveness.sweepEveryMs` (never when 0), one at a time: a slow database must not pile
 * sweeps up. A failure goes to `onError`. The timer does not keep the process alive; the returned function
 * stops it and waits for a sweep in progress.
 */
export function sweepPeriodically(liveness: NodeLiveness, sweep: () => Promise<void>, onError: (error: unknown) => void): () => Promise<void> {
  if (liveness.sweepEveryMs <= 0) return () => Promise.resolve();
  let sweeping: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = sweep()
      .catch(onError)
      .finally(() => (sweeping = undefined));
  }, liveness.sweepEveryMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await sweeping;
  };
}
