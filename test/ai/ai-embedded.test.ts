// The desktop app's embedded server takes its AI provider from the `start` message (EmbeddedStartOptions.ai):
// a real forked embedded-entry process reports AI as available and reaches the provider with the given key.
import { describe, expect, it } from 'vitest';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { LAUNCH_SECRET_HEADER } from '../../server/protocol/index.ts';
import type { EmbeddedChildMessage } from '../../server/protocol/embedded-messages.ts';
import { startFakeOpenAi } from '../support/fake-openai.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { EMBEDDED_ENTRY } from '../desktop/node-fork.ts';

describe('embedded server AI settings', () => {
  it('passes the provider from the start message to the server', async () => {
    const fake = await startFakeOpenAi({ models: ['local-llama'] });
    const dir = makeTempDir('syncode-ai-embedded-');
    const child = fork(EMBEDDED_ENTRY, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    try {
      const launchSecret = 'embedded-ai-secret-0123456789';
      child.send({
        type: 'start',
        options: { dataDir: dir.path, launchSecret, port: 0, webRoot: null, problemsDir: null, ai: { baseUrl: fake.baseUrl, apiKey: 'sk-local' } },
      });
      const [ready] = (await once(child, 'message')) as [EmbeddedChildMessage];
      if (ready.type !== 'ready') throw new Error(`embedded server did not start: ${JSON.stringify(ready)}`);
      const health = await (await fetch(`${ready.url}/v1/health`, { headers: { [LAUNCH_SECRET_HEADER]: launchSecret } })).json();
      expect(health).toMatchObject({ mode: 'embedded', features: { ai: true }, checks: { ai: { status: 'ok', message: '1 model(s) listed' } } });
      expect(fake.requests.find((r) => r.path === '/v1/models')?.headers.authorization).toBe('Bearer sk-local');
      child.send({ type: 'stop' });
      await once(child, 'exit');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await fake.close();
      dir.remove();
    }
  });
});
