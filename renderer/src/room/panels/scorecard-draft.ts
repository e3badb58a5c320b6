// The interviewer's scorecard as it is being written (ratings, recommendation, notes), kept on this device per
// server, room and interviewer until it is sent: a reload, a reconnect or a closed window loses none of it, and
// the notes written during the interview are the wrap-up scorecard's notes.
import { useEffect, useState } from 'react';
import type { Recommendation } from '../../../../server/protocol/index.ts';
import { RATING_KEYS, type RatingKey } from '../../ui/scorecard-labels.ts';

export type Ratings = Record<RatingKey, number | null>;

export interface ScorecardDraft {
  ratings: Ratings;
  recommendation: Recommendation | null;
  notes: string;
}

const EMPTY: ScorecardDraft = { ratings: { problemSolving: null, communication: null, codeQuality: null, overall: null }, recommendation: null, notes: '' };

const key = (server: string, roomId: string, userId: string) => `syncode.scorecard:${server}:${roomId}:${userId}`;

function load(storageKey: string): ScorecardDraft {
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return EMPTY;
    const saved = JSON.parse(raw) as Partial<ScorecardDraft>;
    const ratings = Object.fromEntries(RATING_KEYS.map((k) => [k, saved.ratings?.[k] ?? null])) as Ratings;
    return { ratings, recommendation: saved.recommendation ?? null, notes: typeof saved.notes === 'string' ? saved.notes : '' };
  } catch {
    return EMPTY;
  }
}

/** Saves the draft, or forgets it (null). Storage full or disabled: the draft lives as long as the page. */
function store(storageKey: string, draft: ScorecardDraft | null): void {
  try {
    if (draft) localStorage.setItem(storageKey, JSON.stringify(draft));
    else localStorage.removeItem(storageKey);
  } catch {
    // Sent feedback is sent either way; only the device's copy is left behind.
  }
}

/** Every mounted view of a draft (the notes beside the controls, the scorecard), by storage key: a change shows in all. */
const views = new Map<string, Set<(draft: ScorecardDraft) => void>>();

/** The draft of this interviewer's scorecard in this room; `update` saves a change at once, `clear` forgets it (sent). */
export function useScorecardDraft(server: string, roomId: string, userId: string) {
  const storageKey = key(server, roomId, userId);
  const [draft, setDraft] = useState(() => load(storageKey));
  useEffect(() => {
    const mine = views.get(storageKey) ?? new Set();
    views.set(storageKey, mine.add(setDraft));
    return () => {
      mine.delete(setDraft);
    };
  }, [storageKey]);
  const show = (next: ScorecardDraft) => {
    for (const view of views.get(storageKey) ?? [setDraft]) view(next);
  };
  const update = (patch: Partial<ScorecardDraft>) => {
    const next = { ...draft, ...patch };
    show(next);
    store(storageKey, next);
  };
  const clear = () => {
    show(EMPTY);
    store(storageKey, null);
  };
  return { draft, update, clear };
}
