// My weak spots across sessions, found by the AI in my training reports (by severity, with the trend and
// the evidence that links back to the sessions).
import { ErrorCode } from '../../../server/protocol/index.ts';
import { isApiError } from '../api/api-client.ts';
import type { WeaknessEntry } from '../api/types.ts';
import { desktopBridge } from '../app/desktop-bridge.ts';
import { navigate } from '../app/router.ts';
import { useSession } from '../app/session-context.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { useLoaded } from '../ui/use-loaded.ts';
import { myWeaknesses } from './lobby-actions.ts';

const TREND: Record<WeaknessEntry['trend'], string> = { improving: '↘ improving', stable: '→ stable', worsening: '↗ worsening' };

type Loaded = { kind: 'no-practice' } | { kind: 'ready'; items: WeaknessEntry[] } | { kind: 'no-ai' };

export function Weaknesses() {
  const { api, server } = useSession();
  const { data, error } = useLoaded(
    () =>
      myWeaknesses(api).then(
        (r): Loaded => (r ? { kind: 'ready', items: r.items } : { kind: 'no-practice' }),
        (e: unknown): Loaded => {
          if (isApiError(e) && e.code === ErrorCode.AI_UNAVAILABLE) return { kind: 'no-ai' };
          throw e;
        },
      ),
    [api],
  );
  const state = data ?? { kind: error === null ? 'loading' : 'error' };
  const localAi = desktopBridge() !== undefined && server.profile?.kind === 'local';

  return (
    <section className="card weaknesses" aria-labelledby="weaknesses-title" data-testid="weaknesses" data-state={state.kind}>
      <h2 id="weaknesses-title">Weak spots</h2>
      {state.kind === 'loading' && <p className="muted">Loading…</p>}
      <ErrorAlert error={error} />
      {state.kind === 'no-practice' && <p className="muted">Practise a few problems: the AI's reports of your sessions show here what to work on.</p>}
      {state.kind === 'no-ai' && (
        <p className="muted">
          Weak spots come from the AI's training reports, and no AI model is set up{localAi ? ' on this computer' : ' on this server'}.{' '}
          {localAi && <button type="button" className="link" onClick={() => navigate({ name: 'ai-settings' })}>Open AI settings</button>}
        </p>
      )}
      {state.kind === 'ready' && state.items.length === 0 && <p className="muted">Nothing stands out yet. Keep practising.</p>}
      {state.kind === 'ready' && state.items.length > 0 && (
        <ul className="list">
          {state.items.map((w) => (
            <li key={w.tag} className="weakness">
              <div className="row tight">
                <strong className="grow">{w.label}</strong>
                <span className={`small trend-${w.trend}`}>{TREND[w.trend]}</span>
                <meter min={0} max={1} low={0.34} high={0.67} optimum={0} value={w.severity} title={`severity ${Math.round(w.severity * 100)}%`} />
              </div>
              <p className="muted small">Seen {w.occurrences}× · last {new Date(w.lastSeenAt).toLocaleDateString()}</p>
              {w.evidence.length > 0 && (
                <details>
                  <summary className="small">Evidence</summary>
                  <ul className="small">
                    {w.evidence.map((e, i) => (
                      <li key={i}>
                        {e.quote && <code>{e.quote}</code>} {e.note}{' '}
                        <button type="button" className="link" onClick={() => navigate({ name: 'session', sessionId: e.sessionId })}>session</button>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
