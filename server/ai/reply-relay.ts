// What server processes tell each other about the AI jobs they run: the text of a reply as it is generated
// (so a stream request that reached another process follows it live) and cancel requests (so a cancel that
// reached another process stops the job where it runs). Alone there is no other process: replies are
// followed from memory (live-replies.ts) and a cancel aborts the job at once, as `localReplyRelay` says. In a
// cluster Redis carries both (server/cluster/redis-reply-relay.ts); delivery is best effort, so a follower
// also re-reads the job from the database (relayed-reply.ts) and the running process polls for cancels.

/** New text of a reply: `content` starts at `offset` of the reply's text (a JavaScript string index). */
export type RelayedReply = { type: 'chunk'; offset: number; content: string } | { type: 'end' };

export interface ReplyRelay {
  /**
   * Whether other processes may follow replies and cancel jobs run here. Then a reply's text so far is also
   * saved in the database as it streams, for followers that join late.
   */
  readonly shared: boolean;
  /** Producer: the next text of a reply. */
  publish(jobId: string, offset: number, content: string): void;
  /** Producer: the job has ended (its final state is stored). */
  end(jobId: string): void;
  /**
   * Follower: what the producer publishes about `jobId` from when this resolves (give or take what is lost
   * while Redis is unreachable). The returned function stops listening.
   */
  follow(jobId: string, listener: (update: RelayedReply) => void): Promise<() => void>;
  /** Asks whichever process runs `jobId` to cancel it. */
  requestCancel(jobId: string): void;
  /** Cancel requests made on any process (the job may not run here). The returned function stops listening. */
  onCancelRequest(listener: (jobId: string) => void): () => void;
}

/** A process alone: nothing to tell anybody. */
export const localReplyRelay: ReplyRelay = {
  shared: false,
  publish: () => {},
  end: () => {},
  follow: () => Promise.resolve(() => {}),
  requestCancel: () => {},
  onCancelRequest: () => () => {},
};
