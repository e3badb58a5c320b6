import { comparePhases, ROOM_STATUSES, type RoomStatus } from '../../../../server/protocol/index.ts';
import { PHASE_LABEL as LABEL } from '../../ui/labels.ts';

export function PhaseStepper({ phase, canAdvance, onAdvance }: { phase: RoomStatus; canAdvance: boolean; onAdvance: (to: RoomStatus) => void }) {
  return (
    <ol className="phases" data-testid="phase" data-phase={phase} aria-label="Interview phase">
      {ROOM_STATUSES.map((p) => {
        const order = comparePhases(p, phase);
        return (
          <li key={p} className={order < 0 ? 'done' : order === 0 ? 'current' : 'todo'} aria-current={order === 0 ? 'step' : undefined}>
            {canAdvance && order > 0 ? (
              <button type="button" className="link" onClick={() => onAdvance(p)} title={`Move to ${LABEL[p]}`}>
                {LABEL[p]}
              </button>
            ) : (
              LABEL[p]
            )}
          </li>
        );
      })}
    </ol>
  );
}
