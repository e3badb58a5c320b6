// A session's timeline as people would write it: one sentence per event ("Hana moved the interview to
// Coding", "Carl submitted: Wrong answer"), and the raw events thinned to what a reader needs (socket closes
// caused by a leave, a kick or the finish are not news; one drop shows once, not once per document).
import { CloseCode, ROOM_STATUSES, VERDICTS, type RoomStatus, type Verdict } from '../../../server/protocol/index.ts';
import type { SessionEvent } from '../api/types.ts';
import { PHASE_LABEL, VERDICT_LABEL } from '../ui/labels.ts';

/** A user's display name; `null` (the server, a timer) reads as "the system" where that fits. */
export type NameOf = (userId: string | null) => string;

/** Names from a session's participants; anyone else (or nobody) is "Someone". */
export function participantNames(participants: readonly { userId: string; displayName: string }[]): NameOf {
  const names = new Map(participants.map((p) => [p.userId, p.displayName]));
  return (id) => (id ? (names.get(id) ?? 'Someone') : 'Someone');
}

/** Two disconnects of one user (code and whiteboard sockets) closer than this are one drop. */
const SAME_DROP_MS = 5000;
const EXPECTED_CLOSES: readonly number[] = [CloseCode.NORMAL.code, CloseCode.KICKED.code, CloseCode.ROOM_CLOSED.code, CloseCode.REPLACED.code];

export function eventLabel(event: SessionEvent, nameOf: NameOf): string {
  const d = event.data;
  const who = nameOf(event.actorId);
  const subject = nameOf(str(d.userId) ?? event.actorId);
  switch (event.type) {
    case 'room-created':
      return `${who} created the room`;
    case 'participant-joined':
      return `${subject} joined${role(d) ? ` as ${role(d)}` : ''}`;
    case 'participant-left':
      return `${subject} left the room`;
    case 'participant-kicked':
      return `${nameOf(str(d.by) ?? event.actorId)} removed ${subject} from the room`;
    case 'participant-updated':
      return `${who} made ${subject} ${role(d) ?? 'a participant'}`;
    case 'user-disconnected':
      return d.closeCode === CloseCode.GOING_AWAY.code ? `${subject} closed or reloaded the room page` : `${subject}'s connection dropped`;
    case 'phase-changed': {
      const to = phase(d.to);
      if (to === 'finished') return `${who} finished the interview`;
      return to ? `${who} moved the interview to ${PHASE_LABEL[to]}` : `${who} changed the phase`;
    }
    case 'problem-changed':
      return d.codeReset === true ? `${who} changed the problem or language and reset the code` : `${who} changed the problem or language`;
    case 'settings-changed':
      return `${who} changed the room settings`;
    case 'editor-locked':
      return d.reason === 'submit' ? 'The editor locked while a submission was judged' : `${who} locked the editor`;
    case 'editor-unlocked':
      return event.actorId ? `${who} unlocked the editor` : 'The editor unlocked';
    case 'timer-paused':
      return `${who} paused the timer`;
    case 'timer-resumed':
      return `${who} resumed the timer`;
    case 'timer-expired':
      return 'Time ran out for this phase';
    case 'role-swapped':
      return swapLabel(str(d.action), who);
    case 'run':
      return d.status === 'failed' ? `${who}'s run could not be carried out` : `${who} ran the code`;
    case 'submission': {
      const v = verdict(d.verdict);
      if (v) return `${who}'s submission: ${VERDICT_LABEL[v]}`;
      return d.status === 'failed' ? `${who}'s submission could not be judged` : `${who} submitted the code`;
    }
    case 'snapshot':
      return snapshotLabel(str(d.trigger));
    case 'recording-started':
      return `${who} started recording`;
    case 'recording-stopped':
      return `${who} stopped recording`;
    case 'ai-message':
      // The interviewer's replies have no actor; `userId` is the participant it answered.
      return d.role === 'assistant' ? `The AI interviewer answered ${subject}` : `${who} asked the AI interviewer`;
    case 'feedback-submitted':
      return `${who} gave feedback about ${nameOf(str(d.targetUserId) ?? null)}`;
    case 'room-finished':
      return 'The session ended';
  }
}

/**
 * The events worth reading, in order: drops caused by a leave, a kick, the finish or another tab are left out
 * (the event that caused them says it), and one user's drops within a few seconds show once.
 */
export function timelineEvents(events: readonly SessionEvent[]): SessionEvent[] {
  const lastDrop = new Map<string, number>();
  return events.filter((e) => {
    if (e.type !== 'user-disconnected') return true;
    if (typeof e.data.closeCode === 'number' && EXPECTED_CLOSES.includes(e.data.closeCode)) return false;
    const user = str(e.data.userId) ?? e.actorId ?? '';
    const at = Date.parse(e.at);
    const previous = lastDrop.get(user);
    lastDrop.set(user, at);
    return previous === undefined || at - previous > SAME_DROP_MS;
  });
}

/** One line of the timeline: an event, or a run of consecutive events that read the same ("Carl ran the code" 4 times). */
export interface TimelineRow {
  /** The run's first event: its time and its moment in the replay. */
  event: SessionEvent;
  /** The sentence, with the count and the last one's time when the row stands for several events. */
  text: string;
  count: number;
}

/** The timeline as it is read: the events worth reading (timelineEvents), repeats folded into one row. */
export function timelineRows(events: readonly SessionEvent[], nameOf: NameOf): TimelineRow[] {
  const runs: { event: SessionEvent; label: string; count: number; lastAt: string }[] = [];
  for (const event of timelineEvents(events)) {
    const label = eventLabel(event, nameOf);
    const last = runs.at(-1);
    if (last?.label === label) Object.assign(last, { count: last.count + 1, lastAt: event.at });
    else runs.push({ event, label, count: 1, lastAt: event.at });
  }
  return runs.map(({ event, label, count, lastAt }) => ({
    event,
    count,
    text: count === 1 ? label : `${label} (${count} times, the last at ${new Date(lastAt).toLocaleTimeString()})`,
  }));
}

function swapLabel(action: string | undefined, who: string): string {
  switch (action) {
    case 'requested':
      return `${who} asked to swap roles`;
    case 'accepted':
      return `${who} accepted the role swap`;
    case 'declined':
      return `${who} declined the role swap`;
    default:
      return 'A role swap request expired';
  }
}

function snapshotLabel(trigger: string | undefined): string {
  switch (trigger) {
    case 'manual':
      return 'Code snapshot taken by hand';
    case 'submit':
      return 'Code snapshot of the submission';
    case 'phase-change':
      return 'Code snapshot at the phase change';
    case 'session-end':
      return 'Final code snapshot';
    default:
      return 'Code snapshot';
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function role(d: Record<string, unknown>): string | undefined {
  const p = d.participant;
  return str(d.role) ?? (p && typeof p === 'object' ? str((p as Record<string, unknown>).role) : undefined);
}

function phase(v: unknown): RoomStatus | undefined {
  return ROOM_STATUSES.find((s) => s === v);
}

function verdict(v: unknown): Verdict | undefined {
  return VERDICTS.find((s) => s === v);
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
