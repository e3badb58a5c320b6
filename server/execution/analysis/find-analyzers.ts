// Which languages can be analysed here: each language's analyzer needs its toolchain (JS and TS: Node) and, for
// some, more (pyflakes; the TypeScript/ESLint runner). A language without one is listed with how to get it.

import type { MissingLanguage, SupportedLanguage } from '../../protocol/index.ts';
import { SUPPORTED_LANGUAGES } from '../../protocol/index.ts';
import { analyzerInstallHint } from '../install-hints.ts';
import type { Toolchain } from '../toolchains.ts';
import type { Analyzer } from './analyzer.ts';
import { gccAnalyzer } from './gcc-analyzer.ts';
import { goVetAnalyzer } from './go-vet-analyzer.ts';
import { javacAnalyzer } from './javac-analyzer.ts';
import { pyflakesAnalyzer } from './pyflakes-analyzer.ts';
import { rustcAnalyzer } from './rustc-analyzer.ts';
import { scriptAnalyzer } from './script-analyzer.ts';

export interface AnalyzerSet {
  analyzers: Map<SupportedLanguage, Analyzer>;
  missing: MissingLanguage[];
}

export async function findAnalyzers(toolchains: ReadonlyMap<SupportedLanguage, Toolchain>): Promise<AnalyzerSet> {
  const found = await Promise.all(SUPPORTED_LANGUAGES.map((language) => analyzerFor(language, toolchains).catch(() => null)));
  const analyzers = new Map(found.filter((a): a is Analyzer => a !== null).map((a) => [a.language, a]));
  const missing = SUPPORTED_LANGUAGES.filter((l) => !analyzers.has(l)).map((language) => ({
    language,
    installHint: analyzerInstallHint(language, toolchains.has(language === 'typescript' ? 'javascript' : language)),
  }));
  return { analyzers, missing };
}

async function analyzerFor(language: SupportedLanguage, toolchains: ReadonlyMap<SupportedLanguage, Toolchain>): Promise<Analyzer | null> {
  // TypeScript is analysed by Node alone: its toolchain's transpiler (esbuild) plays no part.
  const toolchain = toolchains.get(language === 'typescript' ? 'javascript' : language);
  if (!toolchain) return null;
  switch (language) {
    case 'c':
    case 'cpp':
      return gccAnalyzer(toolchain);
    case 'java':
      return javacAnalyzer(toolchain);
    case 'rust':
      return rustcAnalyzer(toolchain);
    case 'go':
      return goVetAnalyzer(toolchain);
    case 'python':
      return pyflakesAnalyzer(toolchain);
    case 'javascript':
    case 'typescript':
      return scriptAnalyzer(toolchain, language);
  }
}
