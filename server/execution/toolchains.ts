// Finds each language's toolchain on this machine and describes how to compile and run a program with it.
// Paths are resolved to real files (pyenv and rustup put shims on PATH that need the user's home), so the
// sandbox binds exactly the installation directories, never /root wholesale.

import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../protocol/index.ts';
import type { SandboxPaths } from './sandbox.ts';

const run = promisify(execFile);

/** Compiled programs: Windows runs only files named `.exe`. */
const EXECUTABLE = process.platform === 'win32' ? 'main.exe' : 'main';

/** Inside the desktop app the "Node" binary is Electron's, which acts as plain Node only with this set. */
const NODE_ENV: Record<string, string> = process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {};

/**
 * Compiles the script like `python3 main.py` would, reports a syntax error on fd 3 (then closes it before any user
 * code runs, so the program cannot fake one), and runs it as `__main__` with sys.argv/sys.path as for a script.
 */
const PYTHON_FRESH_RUN = `import os, sys
path = sys.argv[1]
try:
    code = compile(open(path, 'rb').read(), path, 'exec')
except (SyntaxError, ValueError) as error:
    import traceback
    sys.stderr.write(''.join(traceback.format_exception_only(type(error), error)))
    os.write(3, b'compile-error')
    sys.exit(1)
os.close(3)
del sys.argv[0]
sys.path[0] = os.path.dirname(path)
del os, sys, path
exec(code, {'__name__': '__main__', '__file__': __import__('sys').argv[0], '__builtins__': __builtins__})
`;

export interface Toolchain {
  language: SupportedLanguage;
  /** File name of the source inside the box. */
  sourceFile: string;
  /** The resolved compiler or interpreter (Node for JS and TS): the static analyzers run it too. */
  binary: string;
  /** Read-only host paths the sandbox must bind (toolchain installs outside /usr). */
  binds: string[];
  /** null: nothing to compile. */
  compile: ((paths: SandboxPaths) => string[]) | null;
  compileEnv?: (paths: SandboxPaths) => Record<string, string>;
  run: (paths: SandboxPaths, memoryLimitKb: number) => string[];
  runEnv?: Record<string, string>;
  /**
   * For a one-off run: one process that checks the syntax itself and then runs the program, instead of a compile
   * step plus a run (saves an interpreter start). On a syntax error it writes `compile-error` to fd 3.
   */
  runFresh?: (paths: SandboxPaths) => string[];
  /**
   * Whether RLIMIT_AS may stand in for a memory cgroup: runtimes that reserve large address spaces up front
   * (JVM, Go, V8) would fail to start under it.
   */
  addressSpaceLimit: boolean;
  /** The runtime's own out-of-memory report, for a heap limit it enforces before the sandbox does. */
  isOutOfMemory?: (stderr: string) => boolean;
}

export interface ToolchainSearch {
  /** Directories searched for toolchain binaries (the server's PATH). */
  searchPath: string;
  /** The Node binary used for JavaScript and TypeScript. */
  nodePath: string;
}

/** Probes every language in parallel; a missing or broken toolchain simply leaves its language out. */
export async function findToolchains(search: ToolchainSearch): Promise<Map<SupportedLanguage, Toolchain>> {
  const found = await Promise.all(
    SUPPORTED_LANGUAGES.map(async (language) => {
      try {
        return await probe(language, search);
      } catch {
        return null;
      }
    }),
  );
  return new Map(found.filter((t): t is Toolchain => t !== null).map((t) => [t.language, t]));
}

async function probe(language: SupportedLanguage, search: ToolchainSearch): Promise<Toolchain | null> {
  const box = (p: SandboxPaths, file: string): string => `${p.box}/${file}`;
  switch (language) {
    case 'javascript': {
      const node = realpathSync(search.nodePath);
      return {
        language,
        sourceFile: 'main.js',
        binary: node,
        binds: installRoot(node),
        compile: null,
        run: (p) => [node, box(p, 'main.js')],
        runEnv: NODE_ENV,
        addressSpaceLimit: false,
      };
    }
    case 'typescript': {
      const node = realpathSync(search.nodePath);
      const esbuild = findEsbuild();
      if (!esbuild) return null;
      return {
        language,
        sourceFile: 'main.ts',
        binary: node,
        binds: [...installRoot(node), dirname(esbuild)],
        // Transpile only (no type check), like ts-node --transpile-only: a syntax error is a COMPILE_ERROR.
        compile: (p) => [esbuild, box(p, 'main.ts'), '--format=cjs', '--platform=node', `--outfile=${box(p, 'main.js')}`, '--log-level=error', '--color=false'],
        run: (p) => [node, box(p, 'main.js')],
        runEnv: NODE_ENV,
        addressSpaceLimit: false,
      };
    }
    case 'python': {
      // Windows installs Python as `python` (python.org, winget); elsewhere `python` may be Python 2.
      const shim = which('python3', search.searchPath) ?? (process.platform === 'win32' ? which('python', search.searchPath) : null);
      if (!shim) return null;
      const { stdout } = await run(shim, ['-c', 'import sys, json; print(json.dumps([sys.executable, sys.base_prefix]))'], { timeout: 10_000 });
      const [executable, prefix] = JSON.parse(stdout) as [string, string];
      const python = realpathSync(executable);
      return {
        language,
        sourceFile: 'main.py',
        binary: python,
        binds: outsideUsr(realpathSync(prefix)),
        // py_compile turns a syntax error into COMPILE_ERROR and leaves the bytecode the runs then reuse.
        compile: (p) => [python, '-m', 'py_compile', box(p, 'main.py')],
        run: (p) => [python, box(p, 'main.py')],
        runFresh: (p) => [python, '-c', PYTHON_FRESH_RUN, box(p, 'main.py')],
        addressSpaceLimit: true,
      };
    }
    case 'go': {
      const go = which('go', search.searchPath);
      if (!go) return null;
      const goroot = realpathSync((await run(go, ['env', 'GOROOT'], { timeout: 10_000 })).stdout.trim());
      const goBin = join(goroot, 'bin', process.platform === 'win32' ? 'go.exe' : 'go');
      return {
        language,
        sourceFile: 'main.go',
        binary: goBin,
        binds: outsideUsr(goroot),
        compile: (p) => [goBin, 'build', '-o', box(p, EXECUTABLE), box(p, 'main.go')],
        compileEnv: (p) => ({
          GOROOT: goroot,
          GOCACHE: `${p.work}/go-cache`,
          GOPATH: `${p.work}/go`,
          GO111MODULE: 'off',
          CGO_ENABLED: '0',
        }),
        run: (p) => [box(p, EXECUTABLE)],
        addressSpaceLimit: false,
      };
    }
    case 'rust': {
      const shim = which('rustc', search.searchPath);
      if (!shim) return null;
      const sysroot = realpathSync((await run(shim, ['--print', 'sysroot'], { timeout: 10_000 })).stdout.trim());
      const rustc = join(sysroot, 'bin', process.platform === 'win32' ? 'rustc.exe' : 'rustc');
      return {
        language,
        sourceFile: 'main.rs',
        binary: rustc,
        binds: outsideUsr(sysroot),
        compile: (p) => [rustc, '-O', '--edition', '2021', '-C', 'debuginfo=0', '-o', box(p, EXECUTABLE), box(p, 'main.rs')],
        run: (p) => [box(p, EXECUTABLE)],
        addressSpaceLimit: true,
      };
    }
    case 'java': {
      const javacShim = which('javac', search.searchPath);
      if (!javacShim) return null;
      const javac = realpathSync(javacShim);
      const home = dirname(dirname(javac));
      const java = join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
      if (!isExecutable(java)) return null;
      // Debian keeps the JDK's conf files in /etc/java-<n>-openjdk behind symlinks.
      const etc = existsSync('/etc') ? readdirSync('/etc').filter((n) => /^java-\d+-openjdk$/.test(n)).map((n) => `/etc/${n}`) : [];
      const fastStart = ['-XX:+UseSerialGC', '-XX:-UsePerfData', '-Xshare:auto'];
      return {
        language,
        sourceFile: 'Main.java',
        binary: javac,
        binds: [...outsideUsr(home), ...etc],
        compile: (p) => [javac, ...fastStart.map((f) => `-J${f}`), '-J-XX:TieredStopAtLevel=1', '-J-Xmx512m', '-encoding', 'UTF-8', '-d', p.box, box(p, 'Main.java')],
        run: (p, memoryLimitKb) => [java, ...fastStart, `-Xmx${Math.max(16, Math.floor(memoryLimitKb / 1024))}m`, '-Xss64m', '-cp', p.box, 'Main'],
        addressSpaceLimit: false,
        isOutOfMemory: (stderr) => stderr.includes('java.lang.OutOfMemoryError'),
      };
    }
    case 'cpp':
    case 'c': {
      const shim = which(language === 'cpp' ? 'g++' : 'gcc', search.searchPath);
      if (!shim) return null;
      const compiler = realpathSync(shim);
      const source = language === 'cpp' ? 'main.cpp' : 'main.c';
      const flags = language === 'cpp' ? ['-O2', '-std=c++17'] : ['-O2', '-std=c11'];
      return {
        language,
        sourceFile: source,
        binary: compiler,
        binds: outsideUsr(dirname(dirname(compiler))),
        compile: (p) => [compiler, ...flags, '-pipe', '-o', box(p, EXECUTABLE), box(p, source), ...(language === 'c' ? ['-lm'] : [])],
        run: (p) => [box(p, EXECUTABLE)],
        addressSpaceLimit: true,
      };
    }
  }
}

/**
 * The first `name` on the search path. On Windows only `name.exe`: the runner spawns binaries directly, without a
 * shell, and `.cmd`/`.bat` wrappers need one.
 */
function which(name: string, searchPath: string): string | null {
  const file = process.platform === 'win32' ? `${name}.exe` : name;
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, file);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** /usr is always bound; anything else must be bound explicitly. */
function outsideUsr(dir: string): string[] {
  return dir === '/usr' || dir.startsWith('/usr/') ? [] : [dir];
}

/** The install prefix of a binary at <prefix>/bin/<name>. */
function installRoot(binary: string): string[] {
  return outsideUsr(dirname(dirname(binary)));
}

function findEsbuild(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve(`@esbuild/${process.platform}-${process.arch}/package.json`);
    const binary = join(dirname(pkg), process.platform === 'win32' ? 'esbuild.exe' : join('bin', 'esbuild'));
    return isExecutable(binary) ? realpathSync(binary) : null;
  } catch {
    return null;
  }
}
