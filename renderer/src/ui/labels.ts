// The words people read for the wire's enum values (phases, modes, languages, verdicts).
import type { RoomMode, RoomStatus, SnapshotTrigger, SupportedLanguage, Verdict } from '../../../server/protocol/index.ts';
import type { REPORT_DIMENSIONS } from '../../../server/protocol/api/sessions.ts';

export const PHASE_LABEL: Record<RoomStatus, string> = { waiting: 'Waiting', warmup: 'Warm-up', coding: 'Coding', wrapup: 'Wrap-up', finished: 'Finished' };

/** Why a code snapshot was taken. */
export const SNAPSHOT_TRIGGER_LABEL: Record<SnapshotTrigger, string> = {
  periodic: 'every 30 s',
  'phase-change': 'phase change',
  submit: 'submission',
  'session-end': 'end of the session',
  manual: 'taken by hand',
};

export const MODE_LABEL: Record<RoomMode, string> = { interview: 'Interview', peer: 'Peer practice', practice: 'Solo practice' };

export const LANGUAGE_LABEL: Record<SupportedLanguage, string> = {
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  python: 'Python',
  go: 'Go',
  rust: 'Rust',
  java: 'Java',
  cpp: 'C++',
  c: 'C',
};

export const VERDICT_LABEL: Record<Verdict, string> = {
  ACCEPTED: 'Accepted',
  WRONG_ANSWER: 'Wrong answer',
  TIME_LIMIT: 'Time limit exceeded',
  MEMORY_LIMIT: 'Memory limit exceeded',
  RUNTIME_ERROR: 'Runtime error',
  COMPILE_ERROR: 'Compile error',
  OUTPUT_LIMIT: 'Output limit exceeded',
};

/** The AI's report and review dimensions. */
const DIMENSION_LABEL: Record<(typeof REPORT_DIMENSIONS)[number], string> = {
  'problem-solving': 'Problem solving',
  'code-quality': 'Code quality',
  communication: 'Communication',
  testing: 'Testing',
  efficiency: 'Efficiency',
};

/** A dimension's name as people read it (a comparison names its dimensions by plain string: unknown ones as they come). */
export const dimensionLabel = (name: string): string => DIMENSION_LABEL[name as keyof typeof DIMENSION_LABEL] ?? name;
