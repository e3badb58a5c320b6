import type { HealthResponse, SupportedLanguage } from '../../../server/protocol/index.ts';
import { LANGUAGE_LABEL } from '../ui/labels.ts';

/**
 * The languages a room may be created with: on the desktop's own server (offline practice, `embedded`), only
 * those whose toolchain this machine has; a hosted server's picker is not narrowed (its runs are its business).
 */
export function offeredLanguages(health: HealthResponse | null, languages: readonly SupportedLanguage[]): readonly SupportedLanguage[] {
  if (health?.mode !== 'embedded') return languages;
  const runnable = languages.filter((l) => health.features.languages.includes(l));
  return runnable.length > 0 ? runnable : languages;
}

/** Under the language picker of offline practice: what is missing and how to get it, and whether runs are isolated. */
export function LanguageAvailability({ health }: { health: HealthResponse | null }) {
  if (health?.mode !== 'embedded') return null;
  const { missingLanguages, sandbox } = health.features;
  if (missingLanguages.length === 0 && sandbox === 'isolated') return null;
  return (
    <div className="muted small" data-testid="language-availability">
      {missingLanguages.length > 0 && (
        <details>
          <summary>Not installed on this computer: {missingLanguages.map((m) => LANGUAGE_LABEL[m.language]).join(', ')}</summary>
          <ul>
            {missingLanguages.map((m) => <li key={m.language}><strong>{LANGUAGE_LABEL[m.language]}</strong>: {m.installHint}</li>)}
          </ul>
        </details>
      )}
      {sandbox === 'limited' && <p>Code runs on this computer without isolation, with time, output and memory limits only.</p>}
    </div>
  );
}
