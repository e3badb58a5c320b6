// The interviewer's private notes during the interview: only on this device (scorecard-draft.ts), and the notes of
// the scorecard in wrap-up.
import { useSession } from '../../app/session-context.tsx';
import type { RoomView } from '../collab/room-view.ts';
import { useScorecardDraft } from './scorecard-draft.ts';

export function InterviewerNotes({ view }: { view: RoomView }) {
  const { server } = useSession();
  const { draft, update } = useScorecardDraft(server.baseUrl, view.room.id, view.me.userId);
  return (
    <label className="interviewer-notes">
      <span className="muted small">Only you see these, on this device. They become the scorecard’s notes in wrap-up.</span>
      <textarea
        value={draft.notes}
        onChange={(e) => update({ notes: e.target.value })}
        maxLength={2000}
        rows={6}
        aria-label="Private notes"
        data-testid="interviewer-notes"
      />
    </label>
  );
}
