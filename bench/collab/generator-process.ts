import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/paths.ts';
import type { GeneratorConfig } from './load-generator.ts';

/**
 * Runs the load generator (load-generator.ts) as its own process: `onEvent` hears its `start` and `stop`
 * lines as they come (the load window, for CPU sampling); resolves with its `result` line.
 */
export function runGenerator(config: GeneratorConfig, onEvent: (event: 'start' | 'stop') => void): Promise<Record<string, any>> {
  const generator = spawn(process.execPath, [join(REPO_ROOT, 'bench/collab/load-generator.ts'), JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<Record<string, any>>((resolve, reject) => {
    let buffered = '';
    generator.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, nl)) as Record<string, any>;
        buffered = buffered.slice(nl + 1);
        if (line.event === 'start' || line.event === 'stop') onEvent(line.event);
        else if (line.event === 'result') resolve(line);
      }
    });
    generator.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`generator exited ${code}`))));
  });
}
