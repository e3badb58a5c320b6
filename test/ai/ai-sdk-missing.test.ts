// A broken install, the `openai` package missing: an AI request fails with AiProviderError (the job's
// AI_UNAVAILABLE), the cause is logged, and the next request tries the import again. A real Node child
// process whose module resolution refuses `openai` (module.registerHooks), so nothing else is touched.
import { describe, expect, it } from 'vitest';
import { runNodeScript } from '../support/node-script.ts';

const REFUSE_OPENAI = `import { registerHooks } from 'node:module';
registerHooks({ resolve(specifier, context, next) {
  if (specifier === 'openai') throw Object.assign(new Error("Cannot find package 'openai'"), { code: 'ERR_MODULE_NOT_FOUND' });
  return next(specifier, context);
} });`;

const CHILD = `import { createChatClient } from './server/ai/chat-client.ts';
const logged = [];
const log = { info() {}, warn() {}, error: (message, data) => logged.push([message, data.error]) };
const client = createChatClient({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm' }, { timeoutMs: 1000, maxRetries: 0 }, log);
const failures = [];
for (let i = 0; i < 2; i++) {
  try { await client.listModels(); failures.push(null); } catch (error) { failures.push([error.name, error.message]); }
}
process.stdout.write(JSON.stringify({ failures, logged }));`;

describe('the AI client without its SDK', () => {
  it('fails each request with AiProviderError, logs why, and tries the import again', async () => {
    const { code, stdout, stderr } = await runNodeScript(CHILD, { nodeArgs: ['--import', `data:text/javascript,${encodeURIComponent(REFUSE_OPENAI)}`] });
    expect(code, stderr).toBe(0);
    const { failures, logged } = JSON.parse(stdout);
    const expected = ['AiProviderError', 'The AI client library could not be loaded: the installation is incomplete.'];
    expect(failures).toEqual([expected, expected]);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toEqual(['the AI client library (openai) could not be loaded', expect.stringContaining("Cannot find package 'openai'")]);
  });
});
