// Runs INSIDE the sandbox, as its own Node process: TypeScript's own diagnostics for TS (and for JS with checkJs),
// plus ESLint with the recommended rules for JS. Both only parse and type-check the code; nothing of it executes.
// Usage: node script-analysis-runner.ts <source file> <javascript|typescript> [<TypeScript lib dir>]
// Prints the issues as one JSON array on stdout (AnalysisIssue[], unsorted).
// Only erasable TypeScript here: Node strips the types, and the desktop build bundles this file on its own.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { Linter } from 'eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';

interface Issue {
  line: number;
  column: number;
  endLine: number | null;
  endColumn: number | null;
  severity: 'error' | 'warning' | 'info';
  ruleId: string;
  message: string;
}

/**
 * What the programs see of Node: interview code reads stdin through `process`/`require('fs')`/`readline`. Typed
 * loosely on purpose (the same with or without @types/node installed), so no false "cannot find name" errors.
 */
const NODE_PRELUDE = `
declare var console: any; declare var process: any; declare var require: any; declare var module: any;
declare var exports: any; declare var Buffer: any; declare var __dirname: string; declare var __filename: string;
declare function setTimeout(handler: (...args: any[]) => void, ms?: number, ...args: any[]): any;
declare function setInterval(handler: (...args: any[]) => void, ms?: number, ...args: any[]): any;
declare function setImmediate(handler: (...args: any[]) => void, ...args: any[]): any;
declare function clearTimeout(id: any): void; declare function clearInterval(id: any): void;
declare function queueMicrotask(callback: () => void): void; declare function structuredClone<T>(value: T): T;
declare var TextEncoder: any; declare var TextDecoder: any; declare var URL: any; declare var URLSearchParams: any;
declare module '*';
`;
const PRELUDE_FILE = '/syncode-node-prelude.d.ts';
const NODE_GLOBALS = [
  'console', 'process', 'Buffer', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval',
  'clearImmediate', 'queueMicrotask', 'structuredClone', 'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams',
  'globalThis', '__dirname', '__filename',
];
/** Recommended rules that report code that cannot work (the rest are warnings). */
const ERROR_RULES = new Set(['no-undef', 'no-const-assign', 'no-dupe-args', 'no-dupe-class-members', 'no-func-assign', 'no-import-assign', 'no-obj-calls', 'no-this-before-super', 'no-new-native-nonconstructor']);
/** TypeScript codes ESLint already reports for JS (`no-undef`), dropped there to avoid a double marker. */
const COVERED_BY_ESLINT = new Set([2304, 2552]);

const [sourceFile, language, libDir] = process.argv.slice(2) as [string, 'javascript' | 'typescript', string | undefined];
const code = readFileSync(sourceFile, 'utf8');
const issues: Issue[] = [];
const eslintParsed = language === 'javascript' ? lint(code, issues) : true;
if (eslintParsed) typeCheck(language, issues);
process.stdout.write(JSON.stringify(issues));

function typeCheck(lang: 'javascript' | 'typescript', out: Issue[]): void {
  const isTs = lang === 'typescript';
  const options: ts.CompilerOptions = {
    noEmit: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts'],
    types: [],
    skipLibCheck: true,
    ...(isTs ? { strict: true, noUnusedLocals: true, noUnusedParameters: true, noImplicitReturns: true } : { allowJs: true, checkJs: true, strict: false }),
  };
  const host = ts.createCompilerHost(options);
  const readLib = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (name === PRELUDE_FILE ? ts.createSourceFile(name, NODE_PRELUDE, version) : readLib(name, version));
  if (libDir) host.getDefaultLibLocation = () => libDir;
  if (libDir) host.getDefaultLibFileName = (o) => join(libDir, ts.getDefaultLibFileName(o));
  const program = ts.createProgram([sourceFile, PRELUDE_FILE], options, host);
  const file = program.getSourceFile(sourceFile);
  if (!file) return;
  const syntactic = program.getSyntacticDiagnostics(file);
  const diagnostics = syntactic.length > 0 ? syntactic : program.getSemanticDiagnostics(file);
  for (const d of diagnostics) {
    if (!isTs && COVERED_BY_ESLINT.has(d.code)) continue;
    const start = file.getLineAndCharacterOfPosition(d.start ?? 0);
    const end = d.length === undefined ? null : file.getLineAndCharacterOfPosition((d.start ?? 0) + d.length);
    out.push({
      line: start.line + 1,
      column: start.character + 1,
      endLine: end ? end.line + 1 : null,
      endColumn: end ? end.character + 1 : null,
      severity: d.reportsUnnecessary ? 'warning' : severityOf(d.category),
      ruleId: `ts:${d.code}`,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    });
  }
}

function severityOf(category: ts.DiagnosticCategory): Issue['severity'] {
  if (category === ts.DiagnosticCategory.Error) return 'error';
  if (category === ts.DiagnosticCategory.Warning) return 'warning';
  return 'info';
}

/** ESLint's recommended rules on the code; false when it does not parse (the parse error is the one issue then). */
function lint(text: string, out: Issue[]): boolean {
  const rules: Linter.RulesRecord = {};
  for (const [name, rule] of builtinRules) {
    if (rule.meta?.docs?.recommended && !rule.meta.deprecated) rules[name] = ERROR_RULES.has(name) ? 'error' : 'warn';
  }
  // Node runs main.js as CommonJS unless it uses ES module syntax.
  const sourceType = /^\s*(import|export)\b/m.test(text) ? 'module' : 'commonjs';
  const config: Linter.Config = {
    files: ['**/*.js'],
    languageOptions: { ecmaVersion: 'latest', sourceType, globals: Object.fromEntries(NODE_GLOBALS.map((g) => [g, 'readonly'])) },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules,
  };
  const messages = new Linter({ configType: 'flat' }).verify(text, [config], { filename: 'main.js' });
  let parsed = true;
  for (const m of messages) {
    if (m.fatal) parsed = false;
    out.push({
      line: Math.max(1, m.line),
      column: Math.max(1, m.column),
      endLine: m.endLine ?? null,
      endColumn: m.endColumn ?? null,
      severity: m.fatal || m.severity === 2 ? 'error' : 'warning',
      ruleId: m.ruleId ? `eslint:${m.ruleId}` : 'eslint:syntax-error',
      message: m.message,
    });
  }
  return parsed;
}
