// Desktop only: which AI model the server built into the app uses (offline practice). Everything that
// talks to the provider runs in main (the renderer's CSP allows no such request); the key goes to the OS
// keychain and never comes back to the page. Saving restarts the embedded server with the new provider.
import { useEffect, useState } from 'react';
import type { AiSettings, IpcFailure, LocalAiServer, ModelListing, ProviderProblem } from '../../../preload/api.ts';
import { desktopBridge } from '../app/desktop-bridge.ts';
import { useSession } from '../app/session-context.tsx';
import { forgetHealth } from '../app/use-health.ts';
import './ai-settings.css';

const PROBLEM_TEXT: Record<ProviderProblem, string> = {
  unreachable: 'Nothing answers at this address. Is the model server running?',
  timeout: 'The provider did not answer in time.',
  unauthorized: 'The provider refused the API key.',
  'http-error': 'The provider answered with an error.',
  'not-openai-compatible': 'No OpenAI-compatible model list here. The address usually ends in /v1.',
};

const KIND_LABEL: Record<LocalAiServer['kind'], string> = { ollama: 'Ollama', 'llama.cpp': 'llama.cpp server' };

type Status = { kind: 'idle' } | { kind: 'working'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

export function AiSettingsScreen() {
  const bridge = desktopBridge();
  const { server } = useSession();
  const [saved, setSaved] = useState<AiSettings | null>(null);
  const [baseUrl, setBaseUrl] = useState('');
  const [model, setModel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const [models, setModels] = useState<string[]>([]);
  const [listing, setListing] = useState<ModelListing | null>(null);
  const [found, setFound] = useState<LocalAiServer[] | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    void bridge?.aiSettings().then((s) => {
      setSaved(s);
      setBaseUrl(s.baseUrl ?? '');
      setModel(s.model ?? '');
    });
  }, [bridge]);

  if (!bridge) return <p className="card center">AI settings belong to the desktop app. A hosted server's operator sets its AI provider.</p>;
  if (!saved) return <p className="center muted" role="status">Loading…</p>;

  const failed = (e: unknown) => setStatus({ kind: 'error', text: failureText(e) });
  const loadModels = async (url = baseUrl) => {
    setStatus({ kind: 'working', text: 'Asking the provider for its models…' });
    try {
      const result = await bridge.aiListModels(url.trim(), apiKey || undefined);
      setListing(result);
      if (result.ok) {
        setModels(result.models);
        if (!result.models.includes(model)) setModel(result.models[0] ?? '');
      }
      setStatus({ kind: 'idle' });
    } catch (e) {
      failed(e);
    }
  };
  const apply = async (input: { baseUrl: string; model: string; apiKey?: string | null }) => {
    setStatus({ kind: 'working', text: 'Saving and restarting the local server…' });
    try {
      const next = await bridge.aiSave(input);
      forgetHealth(server.baseUrl);
      setSaved(next);
      setApiKey('');
      setRemoveKey(false);
      setStatus({ kind: 'done', text: `Saved. Practice rooms now use ${next.model} at ${next.baseUrl}.` });
    } catch (e) {
      failed(e);
    }
  };
  const save = () => void apply({ baseUrl: baseUrl.trim(), model: model.trim(), ...(apiKey ? { apiKey } : removeKey ? { apiKey: null } : {}) });
  const detect = async () => {
    setStatus({ kind: 'working', text: 'Looking for Ollama (port 11434) and llama.cpp (port 8080)…' });
    try {
      setFound(await bridge.aiDetectLocal());
      setStatus({ kind: 'idle' });
    } catch (e) {
      failed(e);
    }
  };
  const useLocal = (s: LocalAiServer) => {
    setBaseUrl(s.baseUrl);
    setModels(s.models);
    setModel(s.models[0] ?? '');
    void apply({ baseUrl: s.baseUrl, model: s.models[0] ?? '', apiKey: null });
  };
  const turnOff = async () => {
    setStatus({ kind: 'working', text: 'Turning the AI off and restarting the local server…' });
    try {
      const next = await bridge.aiClear();
      forgetHealth(server.baseUrl);
      setSaved(next);
      setBaseUrl('');
      setModel('');
      setModels([]);
      setStatus({ kind: 'done', text: 'The AI is off for practice on this computer.' });
    } catch (e) {
      failed(e);
    }
  };
  const working = status.kind === 'working';

  return (
    <div className="ai-settings stack" data-testid="ai-settings">
      <section className="card">
        <h2>AI model</h2>
        <p className="muted">
          The AI interviewer, hints, reviews and training reports of practice on this computer use any
          OpenAI-compatible model. A local one (Ollama, llama.cpp) needs no account and no network. Hosted servers
          use their own provider.
        </p>
        <p data-testid="ai-current">
          {saved.baseUrl ? <>Now: <strong>{saved.model}</strong> at <code>{saved.baseUrl}</code>{saved.hasKey && ' with a saved key'}.</> : <>Now: <strong>no model</strong>, the AI is off.</>}
        </p>
      </section>

      <section className="card">
        <h3>A model server on this computer</h3>
        <div className="row tight">
          <button type="button" onClick={() => void detect()} disabled={working} data-testid="ai-detect">Look for Ollama and llama.cpp</button>
        </div>
        {found?.length === 0 && (
          <p className="muted" data-testid="ai-detect-none">
            None is running on its usual port. Install <a href="https://ollama.com/download" target="_blank" rel="noopener noreferrer">Ollama</a>, run{' '}
            <code>ollama pull qwen2.5-coder:7b</code>, then look again.
          </p>
        )}
        {found && found.length > 0 && (
          <ul className="list" data-testid="ai-detected">
            {found.map((s) => (
              <li key={s.baseUrl} className="list-row">
                <span className="grow">
                  <strong>{KIND_LABEL[s.kind]}</strong> <code>{s.baseUrl}</code>
                  <br />
                  <span className="muted small">{s.models.length ? s.models.join(', ') : 'no models pulled yet'}</span>
                </span>
                <button type="button" className="primary" disabled={working || s.models.length === 0} onClick={() => useLocal(s)}>Use</button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card">
        <h3>Any OpenAI-compatible provider</h3>
        <form className="stack" onSubmit={(e) => { e.preventDefault(); save(); }}>
          <label>
            Provider URL
            <input value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder="http://127.0.0.1:11434/v1" required type="url" />
          </label>
          <label>
            API key {saved.hasKey ? '(a key is saved; type a new one to replace it)' : '(if the provider needs one)'}
            <input type="password" value={apiKey} onChange={(e) => setApiKey(e.target.value)} autoComplete="off" placeholder={saved.hasKey ? '••••••••' : ''} />
          </label>
          {saved.hasKey && (
            <label className="check">
              <input type="checkbox" checked={removeKey} onChange={(e) => setRemoveKey(e.target.checked)} /> Remove the saved key
            </label>
          )}
          <p className="muted small">
            {saved.keyRemembered
              ? 'The key is kept in the operating system’s keychain, never in a file.'
              : 'No keychain is available: a key is kept only until you quit the app.'}
          </p>
          <div className="row">
            <label className="grow">
              Model
              <input value={model} onChange={(e) => setModel(e.target.value)} list="ai-models" required placeholder="Load the list, or type a model name" />
              <datalist id="ai-models">{models.map((m) => <option key={m} value={m} />)}</datalist>
            </label>
            <button type="button" onClick={() => void loadModels()} disabled={working || !baseUrl.trim()} data-testid="ai-load-models">Load models</button>
          </div>
          {listing && !listing.ok && <p className="error" role="alert" data-problem={listing.problem}>{PROBLEM_TEXT[listing.problem]}{listing.status ? ` (HTTP ${listing.status})` : ''}</p>}
          {listing?.ok && <p className="muted small" data-testid="ai-model-count">{listing.models.length} models available.</p>}
          <div className="row tight">
            <button type="submit" className="primary" disabled={working || !baseUrl.trim() || !model.trim()} data-testid="ai-save">Save</button>
            {saved.baseUrl && <button type="button" onClick={() => void turnOff()} disabled={working}>Turn the AI off</button>}
          </div>
        </form>
      </section>
      {status.kind !== 'idle' && (
        <p className={status.kind === 'error' ? 'error' : 'muted'} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="ai-settings-status">
          {working && <span className="spinner" />} {status.text}
        </p>
      )}
    </div>
  );
}

/** Bridge calls reject with `IpcFailure`; the text is chosen by its code. */
function failureText(error: unknown): string {
  const code = (error as Partial<IpcFailure> | null)?.code;
  if (code === 'VALIDATION_FAILED') return 'Check the provider URL (http(s)://host:port/v1) and the model name.';
  return 'That did not work. The local server may still be restarting; try again in a moment.';
}
