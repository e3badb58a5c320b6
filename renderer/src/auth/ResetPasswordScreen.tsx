// `/reset-password#token=…`: where the reset email's link lands. The token rides in the fragment, so it never
// reaches a server log or a Referer; it is read once and dropped from the address bar. A reset ends every session
// of the account (this one too), so the person signs in again with the new password.
import { useEffect, useState, type FormEvent } from 'react';
import { navigate } from '../app/router.ts';
import { useSession } from '../app/session-context.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { useAction } from '../ui/use-action.ts';
import { resetPassword } from './auth-actions.ts';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields.tsx';

function tokenFromFragment(): string | null {
  return new URLSearchParams(location.hash.slice(1)).get('token');
}

export function ResetPasswordScreen() {
  const { api, user, signOut } = useSession();
  const [token] = useState(tokenFromFragment);
  const newPassword = useNewPassword();
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (location.hash) history.replaceState(null, '', location.pathname);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!token || !newPassword.valid) return;
    void run(async () => {
      await resetPassword(api, { token, newPassword: newPassword.value });
      setDone(true);
      if (user) await signOut();
    });
  };
  const toSignIn = () => navigate({ name: 'lobby', tab: 'rooms' });

  return (
    <section className="card narrow signin" aria-labelledby="reset-title">
      <h2 id="reset-title">Choose a new password</h2>
      {done ? (
        <>
          <p role="status" className="note" data-testid="reset-done">
            Your password is changed, and every device that was signed in to this account has been signed out.
          </p>
          <button type="button" className="primary" onClick={toSignIn}>Sign in with the new password</button>
        </>
      ) : !token ? (
        <>
          <p className="note">This page needs the link from the reset email, and that link is missing its code. Open the link from the email again, or ask for a new one.</p>
          <button type="button" onClick={toSignIn}>Back to sign in</button>
        </>
      ) : (
        <form onSubmit={submit} className="stack">
          <NewPasswordFields state={newPassword} />
          <ErrorAlert error={error} />
          <button type="submit" className="primary" disabled={busy || !newPassword.valid}>Set new password</button>
        </form>
      )}
    </section>
  );
}
