// Static analysis runs each language's own tools in the sandbox, for real: a snippet with a known warning gives
// that warning at its line with the tool's rule id, clean code gives nothing, a syntax error gives an error. Columns
// are the editor's (UTF-16), whatever unit the tool counts in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzerInstallHint } from '../../server/execution/install-hints.ts';
import { SUPPORTED_LANGUAGES, type AnalysisIssue, type SupportedLanguage } from '../../server/protocol/index.ts';
import { zAnalysisJob } from '../../server/protocol/api/ai.ts';
import { analyseToEnd, startPlane, type PlaneFixture } from './plane-fixture.ts';

interface Case {
  warning: { code: string; line: number; ruleId: string; severity?: AnalysisIssue['severity'] };
  clean: string;
  syntaxError: { code: string; line: number };
}

const CASES: Record<SupportedLanguage, Case> = {
  c: {
    warning: { code: '#include <stdio.h>\nint main(void) {\n  int unused = 3;\n  return 0;\n}\n', line: 3, ruleId: 'gcc:-Wunused-variable' },
    clean: '#include <stdio.h>\nint main(void) {\n  printf("%d\\n", 42);\n  return 0;\n}\n',
    syntaxError: { code: 'int main(void) {\n  int x = ;\n  return x;\n}\n', line: 2 },
  },
  cpp: {
    warning: { code: '#include <vector>\nint main() {\n  std::vector<int> v{1, 2};\n  for (int i = 0; i < v.size(); i++) {}\n}\n', line: 4, ruleId: 'gcc:-Wsign-compare' },
    clean: '#include <iostream>\nint main() {\n  std::cout << 42 << "\\n";\n}\n',
    syntaxError: { code: 'int main() {\n  return 0\n}\n', line: 2 },
  },
  java: {
    warning: {
      code: 'import java.util.*;\n\npublic class Main {\n  public static void main(String[] args) {\n    List raw = new ArrayList<String>();\n    System.out.println(raw);\n  }\n}\n',
      line: 5,
      ruleId: 'javac:rawtypes',
    },
    clean: 'public class Main {\n  public static void main(String[] args) {\n    System.out.println(42);\n  }\n}\n',
    syntaxError: { code: 'public class Main {\n  public static void main(String[] args) {\n    int x = ;\n  }\n}\n', line: 3 },
  },
  rust: {
    warning: { code: 'fn main() {\n    let unused = 5;\n}\n', line: 2, ruleId: 'rustc:unused_variables' },
    clean: 'fn main() {\n    println!("{}", 42);\n}\n',
    syntaxError: { code: 'fn main() {\n    let x = ;\n}\n', line: 2 },
  },
  go: {
    warning: { code: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Printf("%d\\n", "forty-two")\n}\n', line: 6, ruleId: 'go-vet:printf' },
    clean: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println(42)\n}\n',
    syntaxError: { code: 'package main\n\nfunc main() {\n\tx := \n}\n', line: 5 },
  },
  python: {
    warning: { code: 'import os\n\nprint(42)\n', line: 1, ruleId: 'pyflakes:unused-import' },
    clean: 'import sys\n\nprint(sys.argv[0])\n',
    syntaxError: { code: 'print(1)\ndef f(:\n    pass\n', line: 2 },
  },
  javascript: {
    warning: { code: 'const unused = 1;\nconsole.log(42);\n', line: 1, ruleId: 'eslint:no-unused-vars' },
    clean: 'const lines = require("fs").readFileSync(0, "utf8").split("\\n");\nconsole.log(lines.length);\n',
    syntaxError: { code: 'console.log(1);\nfunction (\n', line: 2 },
  },
  typescript: {
    warning: { code: 'const n: number = "forty-two";\nconsole.log(n);\n', line: 1, ruleId: 'ts:2322', severity: 'error' },
    clean: 'const n: number = 42;\nconsole.log(n, process.argv.length);\n',
    syntaxError: { code: 'const a = 1;\nconst b = (;\n', line: 2 },
  },
};

let fx: PlaneFixture;
beforeAll(async () => {
  fx = await startPlane({ workers: 2 });
});
afterAll(async () => {
  await fx.close();
});

async function issuesOf(language: SupportedLanguage, code: string): Promise<AnalysisIssue[]> {
  const job = zAnalysisJob.parse(await analyseToEnd(fx.plane, language, code));
  expect(job, JSON.stringify(job)).toMatchObject({ status: 'completed', error: null, result: { complexity: null } });
  return job.result!.issues;
}

describe('static analysis with the real tools, in the sandbox', () => {
  it('is offered for every supported language on this machine', () => {
    expect(fx.plane.features().sandbox).toBe('isolated');
    expect(fx.plane.features().analysisLanguages.sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect(fx.plane.features().missingAnalyzers).toEqual([]);
  });

  describe.each(SUPPORTED_LANGUAGES)('%s', (language) => {
    const c = CASES[language];
    it('reports the known warning at its line with the tool rule id', async () => {
      const issues = await issuesOf(language, c.warning.code);
      expect(issues).toContainEqual(expect.objectContaining({ line: c.warning.line, ruleId: c.warning.ruleId, severity: c.warning.severity ?? 'warning' }));
      for (const issue of issues) expect(issue.column).toBeGreaterThanOrEqual(1);
    });

    it('reports nothing on clean code', async () => {
      expect(await issuesOf(language, c.clean)).toEqual([]);
    });

    it('reports a syntax error as an error at its line', async () => {
      const issues = await issuesOf(language, c.syntaxError.code);
      expect(issues.find((i) => i.severity === 'error'), JSON.stringify(issues)).toMatchObject({ line: c.syntaxError.line });
    });
  });

  it('sorts issues by line and gives editor (UTF-16) columns where the tool counts bytes or characters', async () => {
    // "€" is 3 UTF-8 bytes and one UTF-16 unit; "𝔸" is one Unicode scalar and two UTF-16 units.
    const c = await issuesOf('c', 'int main(void) {\n  const char *s = "€"; int unused = 1;\n  int later = 2;\n  return s[0];\n}\n');
    expect(c.map((i) => [i.line, i.column, i.ruleId])).toEqual([[2, 28, 'gcc:-Wunused-variable'], [3, 7, 'gcc:-Wunused-variable']]);
    const rust = await issuesOf('rust', 'fn main() {\n    let s = "𝔸"; let unused = 1;\n    println!("{}", s);\n}\n');
    expect(rust).toEqual([expect.objectContaining({ line: 2, column: 23, endLine: 2, endColumn: 29, ruleId: 'rustc:unused_variables' })]);
  });
});

describe('languages without an analyzer', () => {
  let bare: PlaneFixture;
  beforeAll(async () => {
    bare = await startPlane({ searchPath: '/nonexistent-syncode-path', workers: 1 });
  });
  afterAll(async () => {
    await bare.close();
  });

  it('are listed with how to get one, and refused with EXEC_UNAVAILABLE before anything is stored', async () => {
    const { missingAnalyzers, analysisLanguages } = bare.plane.features();
    expect(analysisLanguages.sort()).toEqual(['javascript', 'typescript']);
    expect(missingAnalyzers.map((m) => m.language)).toEqual(['python', 'go', 'rust', 'java', 'cpp', 'c']);
    expect(missingAnalyzers.find((m) => m.language === 'rust')?.installHint).toContain('rustup');
    await expect(bare.plane.enqueueAnalysis({ roomId: 'r', userId: 'u', language: 'go', code: '', complexity: null })).rejects.toThrow(
      expect.objectContaining({ code: 'EXEC_UNAVAILABLE' }),
    );
    expect(await bare.sql.get('SELECT COUNT(*) AS n FROM exec_analyses')).toEqual({ n: 0 });
  });

  it('a Python without pyflakes is told how to install it', () => {
    expect(analyzerInstallHint('python', true, 'linux')).toContain('python3-pyflakes');
    expect(analyzerInstallHint('python', false, 'linux')).toContain('python3');
    expect(analyzerInstallHint('typescript', false, 'darwin')).toBe(analyzerInstallHint('javascript', false, 'darwin'));
  });
});
