import { useState, type FormEvent } from 'react';
import { useSession } from '../app/session-context.tsx';
import { errorCode, errorText } from '../ui/error-text.ts';
import { register, signIn } from './auth-actions.ts';

type Mode = 'login' | 'register';

export function SignInScreen({ note }: { note?: string }) {
  const { api, signedIn, server } = useSession();
  const [mode, setMode] = useState<Mode>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const tokens =
        mode === 'login'
          ? await signIn(api, { email, password })
          : await register(api, { email, password, displayName });
      signedIn(tokens);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card narrow signin" aria-labelledby="signin-title">
      <h2 id="signin-title">{mode === 'login' ? 'Sign in' : 'Create an account'}</h2>
      <p className="muted">on {server.profile?.label ?? new URL(server.baseUrl).host}</p>
      {note && <p className="note">{note}</p>}
      <form onSubmit={submit} className="stack">
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
        {error !== null && (
          <p role="alert" className="error" data-error-code={errorCode(error)}>
            {errorText(error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {mode === 'login' ? 'Sign in' : 'Create account'}
        </button>
      </form>
      <button type="button" className="link" onClick={() => setMode(mode === 'login' ? 'register' : 'login')}>
        {mode === 'login' ? 'No account yet? Create one' : 'Have an account? Sign in'}
      </button>
    </section>
  );
}
