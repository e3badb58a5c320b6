// Deleting the account, after the password and a confirmation. What the server keeps is said before, not after:
// past sessions keep their record under "Deleted user", and the email cannot be registered again.
import { useState, type FormEvent } from 'react';
import { navigate } from '../../app/router.ts';
import { useSession } from '../../app/session-context.tsx';
import { ConfirmDialog, type ConfirmRequest } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/use-action.ts';
import { deleteAccount } from './account-actions.ts';

export function DeleteAccount() {
  const { api, signOut } = useSession();
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  const remove = () =>
    run(async () => {
      await deleteAccount(api, password);
      navigate({ name: 'lobby', tab: 'rooms' }, { replace: true });
      await signOut();
    });
  const ask = (e: FormEvent) => {
    e.preventDefault();
    setConfirm({
      title: 'Delete your account?',
      text: 'You will be signed out everywhere and leave every room that has not finished. This cannot be undone.',
      confirmLabel: 'Delete my account',
      danger: true,
      onConfirm: () => void remove(),
    });
  };

  return (
    <section className="card" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete account</h2>
      <form onSubmit={ask} className="stack">
        <p className="muted">
          Your account stops working at once. Sessions you took part in stay in the other participants' history, with your name
          shown as "Deleted user", and this email cannot be used for a new account on this server.
        </p>
        <label>
          Your password, to confirm
          <input name="deletePassword" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
        </label>
        <ErrorAlert error={error} />
        <div className="row">
          <button type="submit" className="danger" disabled={busy || password === ''}>Delete my account…</button>
        </div>
      </form>
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
    </section>
  );
}
