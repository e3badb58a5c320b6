// What a language's static analyzer is: the tool's command over the source in the sandbox's box, and a parser of
// what the tool printed. The analysis service (./analysis-service.ts) writes the source, runs the command under the
// compile limits and turns the output into sorted AnalysisIssue[].

import type { AnalysisIssue, ComplexityEstimate, SupportedLanguage } from '../../protocol/index.ts';
import type { ExecutionSpec } from '../sandbox.ts';
import type { Toolchain } from '../toolchains.ts';

export interface ToolOutput {
  stdout: string;
  stderr: string;
  /** `null` when killed by a signal. */
  exitCode: number | null;
}

export interface Analyzer {
  language: SupportedLanguage;
  /** The tool's name in messages and fallback rule ids (`gcc`, `javac`, …). */
  tool: string;
  /** File name of the source inside the box. */
  sourceFile: string;
  command: ExecutionSpec['command'];
  env?: ExecutionSpec['env'];
  /** Read-only host paths the tool needs inside the sandbox. */
  binds: readonly string[];
  /** The tool's findings in the user's source (columns already in UTF-16 units), in any order. */
  parse(output: ToolOutput, code: string): AnalysisIssue[];
}

/** What an analyzer that runs the language's own compiler or interpreter takes from its toolchain. */
export function fromToolchain(toolchain: Toolchain, tool: string): Pick<Analyzer, 'language' | 'tool' | 'sourceFile' | 'binds'> {
  return { language: toolchain.language, tool, sourceFile: toolchain.sourceFile, binds: toolchain.binds };
}

/**
 * Estimates the time and space complexity of a solution (an AI model behind it). Optional: without one, or when
 * it answers null or fails, an analysis has `complexity: null`. It sees the code and the problem statement only.
 */
export interface ComplexityEstimator {
  estimateComplexity(
    input: { code: string; language: SupportedLanguage; problemStatement?: string },
    signal?: AbortSignal,
  ): Promise<ComplexityEstimate | null>;
}
