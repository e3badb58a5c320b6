// Python: pyflakes through its API, in a small trusted script (the user's code is parsed, never imported), so
// each message keeps its class (`UnusedImport` → `pyflakes:unused-import`). A syntax error is reported as one error.
// pyflakes is found in the toolchain's Python, else in Debian's /usr/bin/python3 (package python3-pyflakes).

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AnalysisIssue } from '../../protocol/index.ts';
import type { Toolchain } from '../toolchains.ts';
import type { Analyzer, ToolOutput } from './analyzer.ts';
import { SourceLines } from './source-columns.ts';

const run = promisify(execFile);

/** Prints [[line, column (1-based, characters), endLine, endColumn, kind, message], …]. */
const PYFLAKES_SCRIPT = `import ast, json, sys
from pyflakes import checker
path = sys.argv[1]
source = open(path, 'rb').read()
lines = source.split(b'\\n')
def chars(line, offset):
    return len(lines[line - 1][:offset].decode('utf-8', 'replace')) if 0 < line <= len(lines) else offset
out = []
try:
    tree = ast.parse(source, filename=path)
except SyntaxError as error:
    line = error.lineno or 1
    out.append([line, error.offset or 1, error.end_lineno, error.end_offset, 'SyntaxError', error.msg])
else:
    for m in checker.Checker(tree, filename=path).messages:
        out.append([m.lineno, chars(m.lineno, m.col) + 1, None, None, type(m).__name__, m.message % m.message_args])
json.dump(out, sys.stdout)
`;

/** Messages about code that cannot run as written; every other pyflakes message is a warning. */
const ERRORS = new Set([
  'SyntaxError', 'UndefinedName', 'UndefinedLocal', 'UndefinedExport', 'DuplicateArgument', 'ReturnOutsideFunction',
  'YieldOutsideFunction', 'BreakOutsideLoop', 'ContinueOutsideLoop', 'TwoStarredExpressions', 'DefaultExceptNotLast',
]);

type Row = [number, number, number | null, number | null, string, string];

/** Null when no Python with pyflakes is found. */
export async function pyflakesAnalyzer(toolchain: Toolchain): Promise<Analyzer | null> {
  const candidates = [{ python: toolchain.binary, binds: toolchain.binds }];
  if (process.platform === 'linux' && toolchain.binary !== '/usr/bin/python3') candidates.push({ python: '/usr/bin/python3', binds: [] });
  for (const { python, binds } of candidates) {
    if (!(await hasPyflakes(python))) continue;
    return {
      language: toolchain.language,
      tool: 'pyflakes',
      sourceFile: toolchain.sourceFile,
      binds,
      command: (p) => [python, '-I', '-c', PYFLAKES_SCRIPT, `${p.box}/${toolchain.sourceFile}`],
      parse,
    };
  }
  return null;
}

async function hasPyflakes(python: string): Promise<boolean> {
  try {
    await run(python, ['-I', '-c', 'import pyflakes.checker'], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

function parse(output: ToolOutput, code: string): AnalysisIssue[] {
  if (!output.stdout.startsWith('[')) return [];
  const lines = new SourceLines(code);
  return (JSON.parse(output.stdout) as Row[]).map(([line, column, endLine, endColumn, kind, message]) => ({
    line: Math.max(1, line),
    column: lines.column(line, column, 'char'),
    endLine: endLine ?? null,
    endColumn: endLine !== null && endColumn !== null ? lines.column(endLine, endColumn, 'char') : null,
    severity: ERRORS.has(kind) ? 'error' : 'warning',
    ruleId: `pyflakes:${kind === 'SyntaxError' ? 'syntax-error' : kebab(kind)}`,
    message,
  }));
}

/** `UnusedImport` → `unused-import`. */
function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
