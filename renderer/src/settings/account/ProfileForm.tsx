// The name others see in rooms and sessions, a short bio, and the language new rooms and practice start in.
import { useState, type FormEvent } from 'react';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../../../../server/protocol/index.ts';
import type { UserProfile } from '../../api/types.ts';
import { useSession } from '../../app/session-context.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/use-action.ts';
import { LANGUAGE_LABEL } from '../../ui/labels.ts';
import { updateProfile } from './account-actions.ts';

export function ProfileForm({ user }: { user: UserProfile }) {
  const { api, profileChanged } = useSession();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [bio, setBio] = useState(user.bio ?? '');
  const [language, setLanguage] = useState<SupportedLanguage | ''>(user.preferredLanguage ?? '');
  const { busy, error, run } = useAction();
  const [saved, setSaved] = useState(false);
  const changed = displayName.trim() !== user.displayName || bio.trim() !== (user.bio ?? '') || language !== (user.preferredLanguage ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      const next = await updateProfile(api, { displayName, bio: bio.trim() === '' ? null : bio.trim(), preferredLanguage: language === '' ? null : language });
      profileChanged(next);
      setDisplayName(next.displayName);
      setBio(next.bio ?? '');
      setSaved(true);
    });
  };

  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <form onSubmit={submit} className="stack">
        <p className="muted">
          Signed in as <strong>{user.email}</strong>.
        </p>
        <label>
          Display name
          <input name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={50} autoComplete="nickname" aria-describedby="display-name-hint" />
        </label>
        <span id="display-name-hint" className="muted small">Shown to everyone in your rooms and on the sessions you took part in.</span>
        <label>
          About you (optional)
          <textarea name="bio" value={bio} onChange={(e) => setBio(e.target.value)} maxLength={500} rows={3} />
        </label>
        <label>
          Preferred language
          <select name="preferredLanguage" value={language} onChange={(e) => setLanguage(e.target.value as SupportedLanguage | '')}>
            <option value="">No preference</option>
            {SUPPORTED_LANGUAGES.map((l) => <option key={l} value={l}>{LANGUAGE_LABEL[l]}</option>)}
          </select>
        </label>
        <span className="muted small">New rooms and practice start in it when the problem offers it.</span>
        <ErrorAlert error={error} texts={{ VALIDATION_FAILED: 'The display name must not be blank, nor hold control, zero-width or text-direction characters.' }} />
        {saved && !changed && <p role="status" className="muted">Saved.</p>}
        <div className="row">
          <button type="submit" className="primary" disabled={busy || !changed}>Save profile</button>
        </div>
      </form>
    </section>
  );
}
