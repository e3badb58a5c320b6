// JavaScript and TypeScript: ./script-analysis-runner.ts run by Node inside the sandbox (TypeScript's diagnostics,
// ESLint for JS). Only the runner's directory and the node_modules holding typescript and eslint are bound, read-only.
// The desktop build ships the runner bundled with both packages (dist/analysis/script-analysis-runner.cjs, outside
// the asar archive, with TypeScript's lib files next to it in typescript-lib/); a source checkout runs the .ts file.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysisIssue } from '../../protocol/index.ts';
import { zAnalysisIssue } from '../../protocol/api/ai.ts';
import { REPO_ROOT } from '../../paths.ts';
import type { Toolchain } from '../toolchains.ts';
import type { Analyzer, ToolOutput } from './analyzer.ts';

interface Runner {
  file: string;
  binds: string[];
  /** TypeScript's lib .d.ts files, when they are not next to the typescript package (the bundled runner). */
  libDir?: string;
}

const issuesOf = zAnalysisIssue.array();

/** Null when neither the bundled nor the source runner (with its packages) is found. */
export function scriptAnalyzer(node: Toolchain, language: 'javascript' | 'typescript'): Analyzer | null {
  const runner = findRunner();
  if (!runner) return null;
  const sourceFile = language === 'typescript' ? 'main.ts' : 'main.js';
  return {
    language,
    tool: language === 'typescript' ? 'ts' : 'eslint',
    sourceFile,
    binds: [...node.binds, ...runner.binds],
    command: (p) => [node.binary, runner.file, `${p.box}/${sourceFile}`, language, ...(runner.libDir ? [runner.libDir] : [])],
    env: node.runEnv ? () => node.runEnv! : undefined,
    parse: (output: ToolOutput): AnalysisIssue[] => (output.stdout.startsWith('[') ? issuesOf.parse(JSON.parse(output.stdout)) : []),
  };
}

function findRunner(): Runner | null {
  const here = dirname(fileURLToPath(import.meta.url));
  // The server bundle (dist/embedded-entry.js) finds it in dist/analysis/; inside app.asar, in the unpacked copy:
  // Node in the sandbox cannot read the archive.
  const bundled = join(here.replace(/([/\\])app\.asar([/\\]|$)/, '$1app.asar.unpacked$2'), 'analysis', 'script-analysis-runner.cjs');
  if (existsSync(bundled)) return { file: bundled, binds: [dirname(bundled)], libDir: join(dirname(bundled), 'typescript-lib') };
  // A source checkout, whether the server runs from its sources or from a bundle in dist/ (server/cli-launch.ts).
  const sources = join(REPO_ROOT, 'server', 'execution', 'analysis');
  const source = join(sources, 'script-analysis-runner.ts');
  const modules = nodeModulesWith(sources, ['typescript', 'eslint']);
  return existsSync(source) && modules ? { file: source, binds: [sources, modules] } : null;
}

/** The nearest node_modules above `dir` that holds all of `packages` (as Node resolves them from the runner). */
function nodeModulesWith(dir: string, packages: string[]): string | null {
  for (let d = dir; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules');
    if (packages.every((p) => existsSync(join(candidate, p, 'package.json')))) return candidate;
    if (dirname(d) === d) return null;
  }
}
