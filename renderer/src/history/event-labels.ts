// Session events as people would say them (timeline and replay markers). `names` maps user ids to display names.
import type { SessionEvent } from '../api/types.ts';

type Names = ReadonlyMap<string, string>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function who(e: SessionEvent, names: Names): string {
  const id = str(e.data.userId) ?? e.actorId;
  return (id && names.get(id)) ?? 'Someone';
}

/** A short sentence for one event. */
export function eventLabel(e: SessionEvent, names: Names): string {
  const d = e.data;
  switch (e.type) {
    case 'participant-joined':
      return `${who(e, names)} joined`;
    case 'participant-left':
      return `${who(e, names)} left`;
    case 'participant-kicked':
      return `${who(e, names)} was removed`;
    case 'user-disconnected':
      return `${who(e, names)} lost the connection`;
    case 'phase-changed':
      return `Phase: ${str(d.to) ?? 'changed'}`;
    case 'editor-locked':
      return d.reason === 'submit' ? 'Editor locked for the submission' : 'Editor locked';
    case 'editor-unlocked':
      return 'Editor unlocked';
    case 'run':
      return `${who(e, names)} ran the code`;
    case 'submission':
      return str(d.verdict) ? `Submission: ${str(d.verdict)}` : `${who(e, names)} submitted`;
    case 'snapshot':
      return `Snapshot (${str(d.trigger) ?? 'taken'})`;
    case 'ai-message':
      return `AI message to ${who(e, names)}`;
    case 'room-finished':
      return 'Session finished';
    default:
      return e.type.replace(/-/g, ' ');
  }
}

/** Marker kinds of the replay timeline, by event type; other events are not markers. */
export const MARKER_KINDS: Partial<Record<SessionEvent['type'], string>> = {
  run: 'run',
  submission: 'submission',
  'phase-changed': 'phase',
  'editor-locked': 'lock',
  'editor-unlocked': 'lock',
  snapshot: 'snapshot',
  'ai-message': 'ai',
  'participant-joined': 'presence',
  'participant-left': 'presence',
  'participant-kicked': 'presence',
};
