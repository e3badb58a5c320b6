// Today's usage against the plan (GET /v1/users/me/quotas): what the day's allowances have left before a request is
// refused with USER_QUOTA_EXCEEDED, and when they renew. Unlimited allowances show the count alone.
import type { QuotaInfo } from '../../../../server/protocol/api/users.ts';
import { useSession } from '../../app/session-context.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatTime } from '../../ui/format.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import { myQuotas } from './account-actions.ts';

type DailyQuota = Exclude<keyof QuotaInfo['limits'], 'recordingMinutesPerMonth'>;

const QUOTA_LABEL: Record<DailyQuota, string> = {
  roomsPerDay: 'Rooms created',
  runsPerDay: 'Runs',
  submissionsPerDay: 'Submissions',
  aiRequestsPerDay: 'AI requests',
};
const PLAN_LABEL: Record<QuotaInfo['plan'], string> = { local: 'Practice on this computer', free: 'Free', pro: 'Pro' };

export function UsageCard() {
  const { api } = useSession();
  const { data: quotas, error } = useLoaded(() => myQuotas(api), [api]);
  return (
    <section className="card" aria-labelledby="usage-title">
      <h2 id="usage-title">Usage today</h2>
      <ErrorAlert error={error} />
      {!quotas && error === null && <p className="muted">Loading…</p>}
      {quotas && (
        <>
          <p className="muted">
            Plan: {PLAN_LABEL[quotas.plan]}. Daily allowances renew {formatTime(quotas.resetsAt)}.
          </p>
          <table className="usage" data-testid="usage">
            <tbody>
              {(Object.keys(QUOTA_LABEL) as DailyQuota[]).map((key) => {
                const limit = quotas.limits[key];
                const used = quotas.usage[key] ?? 0;
                return (
                  <tr key={key} className={limit !== null && used >= limit ? 'exhausted' : undefined}>
                    <th scope="row">{QUOTA_LABEL[key]}</th>
                    <td>{limit === null ? `${used} (no limit)` : `${used} of ${limit}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
