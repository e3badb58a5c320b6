// Change the password: the server answers with a new session for this device and ends every other one.
import { useState, type FormEvent } from 'react';
import { changePassword } from '../../auth/auth-actions.ts';
import { NewPasswordFields, useNewPassword } from '../../auth/NewPasswordFields.tsx';
import { useSession } from '../../app/session-context.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/use-action.ts';

export function PasswordForm() {
  const { api, signedIn } = useSession();
  const [current, setCurrent] = useState('');
  const newPassword = useNewPassword();
  const { busy, error, run } = useAction();
  const [changed, setChanged] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!newPassword.valid) return;
    setChanged(false);
    void run(async () => {
      signedIn(await changePassword(api, { currentPassword: current, newPassword: newPassword.value }));
      setCurrent('');
      newPassword.reset();
      setChanged(true);
    });
  };

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <form onSubmit={submit} className="stack">
        <label>
          Current password
          <input name="currentPassword" type="password" value={current} onChange={(e) => setCurrent(e.target.value)} required autoComplete="current-password" />
        </label>
        <NewPasswordFields state={newPassword} />
        <ErrorAlert error={error} />
        {changed && <p role="status" className="muted">Password changed. You stay signed in here; every other device was signed out.</p>}
        <div className="row">
          <button type="submit" className="primary" disabled={busy || current === '' || !newPassword.valid}>Change password</button>
        </div>
      </form>
    </section>
  );
}
