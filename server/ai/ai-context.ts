// What the control plane tells the AI plane about a room when it asks for something. Built from the room,
// the problem's public parts and the room's executions. A problem's hidden tests have no field here: the
// AI plane cannot send what it is never given.
import type { RoomMode, RoomRole, RoomStatus, SupportedLanguage, Verdict } from '../protocol/index.ts';

export interface ProblemContext {
  title: string;
  difficulty: string;
  description: string;
  constraints: string[];
  /** The statement's worked examples (visible to every participant). */
  examples: { input: string; output: string; explanation: string | null }[];
}

export interface RunContext {
  status: string;
  verdict: Verdict | null;
  stdin: string;
  stdout: string;
  stderr: string;
}

export interface SubmissionContext {
  status: string;
  verdict: Verdict | null;
  passed: number;
  total: number;
  compileOutput: string | null;
}

export interface RoomContext {
  mode: RoomMode;
  phase: RoomStatus;
  /** The asking user's role (the persona differs for a candidate and for an interviewer). */
  callerRole: RoomRole;
  problem: ProblemContext | null;
  language: SupportedLanguage;
  /** The caller's editor text, or the room's latest snapshot when the request carried none. */
  code: string | null;
  lastRun: RunContext | null;
  lastSubmission: SubmissionContext | null;
  /** Hints already given in this room. */
  hintsUsed: number;
}

/** A finished session, for its training report. */
export interface SessionContext {
  mode: RoomMode;
  problem: ProblemContext | null;
  language: SupportedLanguage;
  /** The final code (session-end snapshot, else the latest one) and that snapshot's id. */
  finalCode: string | null;
  snapshotId: string | null;
  durationMs: number | null;
  runs: number;
  /** Oldest first. */
  submissions: SubmissionContext[];
  hintsUsed: number;
}
