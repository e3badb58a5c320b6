import { useState, type FormEvent } from 'react';
import { useSession } from '../app/session-context.tsx';
import { useHealth } from '../app/use-health.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { useAction } from '../ui/use-action.ts';
import { forgotPassword, register, signIn } from './auth-actions.ts';

type Mode = 'login' | 'register' | 'forgot';

const TITLE: Record<Mode, string> = { login: 'Sign in', register: 'Create an account', forgot: 'Reset your password' };
const SUBMIT: Record<Mode, string> = { login: 'Sign in', register: 'Create account', forgot: 'Send reset link' };

export function SignInScreen({ note }: { note?: string }) {
  const { api, signedIn, server } = useSession();
  const { health } = useHealth(server.baseUrl);
  const [mode, setMode] = useState<Mode>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const { busy, error, run, clearError } = useAction();
  /** The address a reset link was asked for (the server answers the same whether or not it has an account). */
  const [resetSentTo, setResetSentTo] = useState<string | null>(null);

  const switchTo = (next: Mode) => {
    setMode(next);
    clearError();
    setResetSentTo(null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (mode === 'forgot') {
        await forgotPassword(api, email);
        setResetSentTo(email.trim());
      } else {
        signedIn(mode === 'login' ? await signIn(api, { email, password }) : await register(api, { email, password, displayName }));
      }
    });
  };

  return (
    <section className="card narrow signin" aria-labelledby="signin-title">
      <h2 id="signin-title">{TITLE[mode]}</h2>
      <p className="muted">on {server.profile?.label ?? new URL(server.baseUrl).host}</p>
      {note && <p className="note">{note}</p>}
      {resetSentTo !== null ? (
        <p role="status" className="note" data-testid="reset-sent">
          If <strong>{resetSentTo}</strong> has an account here, a link to choose a new password is on its way to it. The link works
          once, for one hour. Nothing after a few minutes? Check the spam folder, then ask again (a few times an hour at most).
        </p>
      ) : (
        <form onSubmit={submit} className="stack">
          {mode === 'forgot' && <p className="muted">Enter your account's email and we will send you a link to choose a new password.</p>}
          {mode === 'register' && (
            <label>
              Display name
              <input name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={50} autoComplete="nickname" />
            </label>
          )}
          <label>
            Email
            <input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="email" />
          </label>
          {mode !== 'forgot' && (
            <label>
              Password
              <input
                name="password"
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
                minLength={mode === 'register' ? 8 : 1}
                maxLength={128}
                autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
              />
            </label>
          )}
          <ErrorAlert error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {SUBMIT[mode]}
          </button>
        </form>
      )}
      <div className="row tight">
        {mode === 'login' ? (
          <button type="button" className="link" onClick={() => switchTo('register')}>No account yet? Create one</button>
        ) : (
          <button type="button" className="link" onClick={() => switchTo('login')}>{mode === 'register' ? 'Have an account? Sign in' : 'Back to sign in'}</button>
        )}
        {/* Only a server that can send email offers the reset: without one the link would lead nowhere. */}
        {mode === 'login' && health?.features.email && (
          <>
            <span className="grow" />
            <button type="button" className="link" onClick={() => switchTo('forgot')}>Forgot your password?</button>
          </>
        )}
      </div>
    </section>
  );
}
