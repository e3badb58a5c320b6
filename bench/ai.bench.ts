// `npm run bench:ai`: the AI plane against the fake OpenAI-compatible provider (test/support/fake-openai.ts)
// streaming at a fixed token rate, with the server in its own process.
//   1. Time to first token: calling the provider directly (openai SDK, stream) against a client of our server
//      (POST /ai/messages, then GET …/stream until the first `delta`); the difference is what we add.
//   2. Relay latency per chunk: from the provider writing a token to the client reading it, directly and
//      through the server; the difference is the relay's overhead per chunk.
//   3. 20 conversations at once (20 users, one practice room each): time to first token and to the full
//      reply, and the server process's CPU time over the burst.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import OpenAI from 'openai';
import { REPO_ROOT } from '../server/paths.ts';
import { startFakeOpenAi, type FakeOpenAi, type RecordedRequest } from '../test/support/fake-openai.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { createSseParser } from '../renderer/src/api/sse-parser.ts';

const TOKEN_DELAY_MS = 10; // 100 tokens/s
const CHUNK = 4;
const REPLY = 'Good start. Before you code it, tell me the time and space complexity of that idea, and which edge cases you would test first.';
const SAMPLES = 40;
const CONCURRENT = 20;

const now = () => performance.timeOrigin + performance.now();
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

interface Timed {
  ttft: number;
  total: number;
  /** Client read time of each delta minus the provider's write time of the chunk that completed it. */
  relay: number[];
}

/** Matches each received piece of text to the provider chunk that ended it, by cumulative length. */
function relayLatencies(received: { at: number; length: number }[], request: RecordedRequest): number[] {
  let length = 0;
  const out: number[] = [];
  for (const [i, piece] of received.entries()) {
    length += piece.length;
    // The first piece of a stream opened late may hold several chunks already sent: only later ones count.
    if (i === 0) continue;
    const chunk = request.chunkTimes[Math.ceil(length / CHUNK) - 1];
    if (chunk !== undefined) out.push(piece.at - chunk);
  }
  return out;
}

async function direct(client: OpenAI, fake: FakeOpenAi): Promise<Timed> {
  const started = now();
  const stream = await client.chat.completions.create({ model: 'bench', stream: true, messages: [{ role: 'user', content: 'hi' }] });
  const received: { at: number; length: number }[] = [];
  for await (const chunk of stream) {
    const content = chunk.choices[0]?.delta?.content;
    if (content) received.push({ at: now(), length: content.length });
  }
  return { ttft: received[0]!.at - started, total: now() - started, relay: relayLatencies(received, fake.chatRequests().at(-1)!) };
}

interface User {
  token: string;
  roomId: string;
}

async function json(url: string, init: RequestInit & { token?: string; body?: string }): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(url, { ...init, headers });
  const body = await res.json();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function makeUser(base: string, n: number): Promise<User> {
  const auth = await json(`${base}/v1/auth/register`, {
    method: 'POST',
    body: JSON.stringify({ email: `bench-${n}-${Date.now()}@example.com`, password: 'correct horse battery', displayName: `Bench ${n}` }),
  });
  const room = await json(`${base}/v1/rooms`, { method: 'POST', token: auth.accessToken, body: JSON.stringify({ mode: 'practice', language: 'python' }) });
  return { token: auth.accessToken, roomId: room.id };
}

/**
 * One conversation turn through the server: POST the message, read the reply stream to its end. `request`
 * gives the provider request it caused, for the relay latencies (sequential runs only).
 */
async function viaServer(base: string, user: User, request?: () => RecordedRequest): Promise<Timed> {
  const started = now();
  const job = await json(`${base}/v1/rooms/${user.roomId}/ai/messages`, { method: 'POST', token: user.token, body: JSON.stringify({ content: 'hi' }) });
  const res = await fetch(`${base}${job.pollUrl}/stream`, { headers: { authorization: `Bearer ${user.token}` } });
  const decoder = new TextDecoder();
  const received: { at: number; length: number }[] = [];
  let done = false;
  let at = 0;
  const parser = createSseParser((e) => {
    if (e.event === 'delta') received.push({ at, length: (JSON.parse(e.data) as { content: string }).content.length });
    else if (e.event === 'done') done = true;
    else throw new Error(`stream failed: ${e.event} ${e.data}`);
  });
  for await (const bytes of res.body!) {
    at = now();
    parser.feed(decoder.decode(bytes, { stream: true }));
  }
  if (!done) throw new Error('stream ended without done');
  return { ttft: received[0]!.at - started, total: now() - started, relay: request ? relayLatencies(received, request()) : [] };
}

async function startServerProcess(options: Record<string, unknown>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['bench/ai/server-process.ts', JSON.stringify(options)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const data of child.stdout!) {
    out += String(data);
    const match = /READY (\S+)/.exec(out);
    if (match) return { url: match[1]!, child };
  }
  throw new Error(`server process exited before it was ready: ${out}`);
}

/** CPU time (user + system, ms) of a process so far, from /proc (Linux). */
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

const fake = await startFakeOpenAi({ chunkDelayMs: TOKEN_DELAY_MS, chunkSize: CHUNK });
fake.setDefault({ text: REPLY });
const dir = makeTempDir('syncode-bench-ai-');
const { url, child } = await startServerProcess({
  port: 0,
  dataDir: dir.path,
  rateLimits: false,
  webRoot: null,
  problemsDir: null,
  ai: { baseUrl: fake.baseUrl, model: 'bench', limits: { maxConcurrent: CONCURRENT + 4, maxConcurrentPerUser: 2 } },
});
try {
  const client = new OpenAI({ baseURL: fake.baseUrl, apiKey: 'bench', maxRetries: 0 });
  const user = await makeUser(url, 0);
  // Warm both paths (JIT, connection pools) before measuring.
  for (let i = 0; i < 5; i++) {
    await direct(client, fake);
    await viaServer(url, user);
  }
  const directRuns: Timed[] = [];
  const serverRuns: Timed[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    directRuns.push(await direct(client, fake));
    const before = fake.chatRequests().length;
    serverRuns.push(await viaServer(url, user, () => fake.chatRequests()[before]!));
  }

  const users = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => makeUser(url, i + 1)));
  const cpuBefore = cpuMs(child.pid!);
  const burstStarted = now();
  const burst = await Promise.all(users.map((u) => viaServer(url, u)));
  const burstMs = now() - burstStarted;
  const cpuAfter = cpuMs(child.pid!);

  const ttftDirect = directRuns.map((r) => r.ttft);
  const ttftServer = serverRuns.map((r) => r.ttft);
  const relayDirect = directRuns.flatMap((r) => r.relay);
  const relayServer = serverRuns.flatMap((r) => r.relay);
  const rows: [string, string, string][] = [
    ['time to first token, provider direct', fmt(pct(ttftDirect, 50)), fmt(pct(ttftDirect, 99))],
    ['time to first token, through SynCode (POST + stream)', fmt(pct(ttftServer, 50)), fmt(pct(ttftServer, 99))],
    ['  added by SynCode (target ≤ 20 ms p50)', fmt(pct(ttftServer, 50) - pct(ttftDirect, 50)), fmt(pct(ttftServer, 99) - pct(ttftDirect, 99))],
    ['relay latency per chunk, provider direct', fmt(pct(relayDirect, 50)), fmt(pct(relayDirect, 99))],
    ['relay latency per chunk, through SynCode', fmt(pct(relayServer, 50)), fmt(pct(relayServer, 99))],
    ['  relay overhead per chunk', fmt(pct(relayServer, 50) - pct(relayDirect, 50)), fmt(pct(relayServer, 99) - pct(relayDirect, 99))],
    [`${CONCURRENT} conversations at once: time to first token`, fmt(pct(burst.map((r) => r.ttft), 50)), fmt(pct(burst.map((r) => r.ttft), 99))],
    [`${CONCURRENT} conversations at once: full reply`, fmt(pct(burst.map((r) => r.total), 50)), fmt(pct(burst.map((r) => r.total), 99))],
  ];
  const tokens = Math.ceil(REPLY.length / CHUNK);
  process.stdout.write(
    `AI plane against the fake provider: ${tokens} tokens per reply at ${1000 / TOKEN_DELAY_MS} tokens/s, ${SAMPLES} samples, ` +
      `${availableParallelism()} cores, server in its own process\n\n`,
  );
  process.stdout.write(`| measure | p50 | p99 |\n|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\n`);
  const cpu = cpuBefore !== null && cpuAfter !== null ? `${(cpuAfter - cpuBefore).toFixed(0)} ms server CPU` : 'server CPU n/a';
  process.stdout.write(`${CONCURRENT} conversations: all completed in ${burstMs.toFixed(0)} ms wall, ${cpu} (${CONCURRENT * tokens} chunks relayed)\n`);
} finally {
  child.kill('SIGTERM');
  await once(child, 'exit');
  await fake.close();
  dir.remove();
}
