// The import rules of ARCHITECTURE.md ("Folders and who may import whom"), plus "named exports only",
// "planes talk through their index.ts", every npm package only where its runtime exists
// (package-runtimes.ts) and raw ipcMain/ipcRenderer only in the file that hands them to the typed IPC
// wrapper. `npm run lint` runs them; test/foundation proves they bite.
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { FOLDER_RUNTIMES, PACKAGE_RUNTIMES, RAW_IPC_FILES, type PackageRuntime } from './package-runtimes.ts';

export interface Violation {
  file: string;
  line: number;
  message: string;
}

const SOURCE_DIRS = ['server', 'main', 'preload', 'renderer', 'test', 'scripts', 'bench'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.tools', 'fixtures']);
const PLANES = ['collab', 'control', 'execution', 'ai'];
/** Files allowed a default export because their tool demands one. */
const DEFAULT_EXPORT_ALLOWED = new Set(['vite.config.ts', 'vitest.config.ts']);
const BUILTINS = new Set(builtinModules);

type Target =
  | { kind: 'builtin' }
  | { kind: 'package'; name: string }
  | { kind: 'local'; path: string };

interface Layer {
  name: string;
  allowed: string;
  check: (from: string, target: Target) => boolean;
}

const isUnder = (path: string, folder: string): boolean => path === folder || path.startsWith(folder + '/');

const LAYERS: Layer[] = [
  {
    name: 'server/protocol/',
    allowed: 'only server/protocol/ itself and pure packages (no node:*, no DOM, nothing else of ours)',
    check: (_from, t) =>
      t.kind === 'package' ? t.name !== 'electron' : t.kind === 'local' && isUnder(t.path, 'server/protocol'),
  },
  {
    name: 'server/',
    allowed: 'server/, node:* and server-side packages (never electron, main/, preload/ or renderer/)',
    check: (_from, t) => t.kind === 'builtin' || (t.kind === 'package' ? t.name !== 'electron' : isUnder(t.path, 'server')),
  },
  {
    name: 'main/',
    allowed: 'main/, server/protocol/, preload/api.ts, electron, node:* and packages (fork the server by path, never import it)',
    check: (_from, t) =>
      t.kind !== 'local' ||
      isUnder(t.path, 'main') ||
      isUnder(t.path, 'server/protocol') ||
      t.path === 'preload/api.ts',
  },
  {
    name: 'preload/',
    allowed: 'preload/, server/protocol/ and electron (contextBridge, ipcRenderer)',
    check: (_from, t) =>
      t.kind === 'local'
        ? isUnder(t.path, 'preload') || isUnder(t.path, 'server/protocol')
        : t.kind === 'package' && t.name === 'electron',
  },
  {
    name: 'renderer/',
    allowed: 'renderer/, server/protocol/, preload/api.ts and DOM/React packages (never node:*, electron, main/ or the rest of server/)',
    check: (_from, t) =>
      t.kind === 'builtin'
        ? false
        : t.kind === 'package'
          ? t.name !== 'electron'
          : isUnder(t.path, 'renderer') || isUnder(t.path, 'server/protocol') || t.path === 'preload/api.ts',
  },
];

function layerOf(file: string): Layer | undefined {
  if (isUnder(file, 'server/protocol')) return LAYERS[0];
  if (isUnder(file, 'server')) return LAYERS[1];
  if (isUnder(file, 'main')) return LAYERS[2];
  if (isUnder(file, 'preload')) return LAYERS[3];
  if (isUnder(file, 'renderer')) return LAYERS[4];
  return undefined; // test/, scripts/, bench/: anything
}

function planeOf(file: string): string | undefined {
  const m = /^server\/([^/]+)\//.exec(file);
  return m && PLANES.includes(m[1]!) ? m[1] : undefined;
}

function classify(root: string, fromFile: string, specifier: string): Target {
  if (specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]!)) {
    return { kind: 'builtin' };
  }
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const abs = resolve(dirname(join(root, fromFile)), specifier);
    return { kind: 'local', path: relative(root, abs).split(sep).join('/') };
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return { kind: 'package', name };
}

function listSources(root: string, dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return;
  }
  for (const entry of entries) {
    if (SKIP_DIRS.has(entry)) continue;
    const rel = `${dir}/${entry}`;
    if (statSync(join(root, rel)).isDirectory()) listSources(root, rel, out);
    else if (/\.(ts|tsx|mts|cts)$/.test(entry) && !entry.endsWith('.d.ts')) out.push(rel);
  }
}

/** Every dependency of package.json must say where it may run. */
function unclassifiedDependencies(root: string): Violation[] {
  let manifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  } catch {
    return [];
  }
  const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
  return names
    .filter((name) => !(name in PACKAGE_RUNTIMES))
    .map((name) => ({ file: 'package.json', line: 1, message: unclassifiedMessage(name) }));
}

function unclassifiedMessage(name: string): string {
  return `'${name}' is not classified: add it to scripts/package-runtimes.ts with the runtime it needs (pure, node, dom, electron, types or dev).`;
}

/** Where packages of `runtime` may be imported, for the message. */
function whereRuntime(runtime: PackageRuntime): string {
  const folders = FOLDER_RUNTIMES.filter((f) => f.runtimes.includes(runtime)).map((f) => `${f.folder}/`);
  return [...folders, 'test/', 'scripts/', 'bench/'].join(', ');
}

/**
 * The package rule for one import from product code (test/, scripts/ and bench/ may import anything):
 * classified, and of a runtime the importing folder has.
 */
function packageViolation(file: string, specifier: string, name: string): string | undefined {
  const folder = FOLDER_RUNTIMES.find((f) => isUnder(file, f.folder));
  if (!folder) return undefined;
  const runtime = PACKAGE_RUNTIMES[name];
  if (runtime === undefined) return unclassifiedMessage(name);
  if (folder.runtimes.includes(runtime)) return undefined;
  return `${file} may not import '${specifier}': '${name}' is a ${runtime} package, usable only in ${whereRuntime(runtime)}.`;
}

export function checkRepository(root: string): Violation[] {
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) listSources(root, dir, files);
  const violations: Violation[] = unclassifiedDependencies(root);
  for (const file of files) violations.push(...checkFile(root, file, readFileSync(join(root, file), 'utf8')));
  return violations;
}

export function checkFile(root: string, file: string, text: string): Violation[] {
  const violations: Violation[] = [];
  const lineOf = (pos: number): number => text.slice(0, pos).split('\n').length;
  const layer = layerOf(file);
  const fromPlane = planeOf(file);
  const info = ts.preProcessFile(text, true, true);
  for (const ref of info.importedFiles) {
    const target = classify(root, file, ref.fileName);
    if (layer && !layer.check(file, target)) {
      violations.push({
        file,
        line: lineOf(ref.pos),
        message: `${file} may not import '${ref.fileName}': ${layer.name} may import ${layer.allowed}.`,
      });
      continue;
    }
    const packageMessage = target.kind === 'package' ? packageViolation(file, ref.fileName, target.name) : undefined;
    if (packageMessage) {
      violations.push({ file, line: lineOf(ref.pos), message: packageMessage });
      continue;
    }
    if (fromPlane && target.kind === 'local') {
      const toPlane = planeOf(target.path);
      const face = toPlane && /^server\/[^/]+\/(index|types)\.ts$/.test(target.path);
      if (toPlane && toPlane !== fromPlane && !face) {
        violations.push({
          file,
          line: lineOf(ref.pos),
          message: `${file} reaches into '${target.path}': planes talk through server/${toPlane}/index.ts (or types.ts), not each other's internals.`,
        });
      }
    }
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== 'electron') continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      const allowedFile = RAW_IPC_FILES[imported];
      if (allowedFile !== undefined && file !== allowedFile) {
        violations.push({
          file,
          line: lineOf(element.getStart(source)),
          message: `${file} may not import ${imported} from 'electron': only ${allowedFile} does, handing it to the typed IPC wrapper (preload/api.ts is the contract).`,
        });
      }
    }
  }
  violations.push(...zodImportViolations(file, source, lineOf));
  violations.push(...nodeHttpImportViolations(file, source, lineOf));
  const base = file.split('/').pop()!;
  if (!DEFAULT_EXPORT_ALLOWED.has(base)) {
    for (const statement of source.statements) {
      const isDefault =
        ts.isExportAssignment(statement) ||
        (ts.canHaveModifiers(statement) &&
          (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword));
      if (isDefault) {
        violations.push({
          file,
          line: lineOf(statement.getStart(source)),
          message: `${file} has a default export: use named exports only.`,
        });
      }
    }
  }
  return violations;
}

/**
 * zod is imported as a namespace (`import * as z from 'zod'`): with `import { z }`, esbuild (the server and
 * Electron bundles) keeps zod's whole API object, locales and all: 580 KB more source in every server
 * process's memory. Vite's Rollup shakes either form; one form everywhere keeps the rule simple.
 */
function zodImportViolations(file: string, source: ts.SourceFile, lineOf: (pos: number) => number): Violation[] {
  const violations: Violation[] = [];
  for (const statement of valueImports(source, ['zod'])) {
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    if (bindings.elements.some((e) => !e.isTypeOnly && (e.propertyName ?? e.name).text === 'z')) {
      violations.push({
        file,
        line: lineOf(statement.getStart(source)),
        message: `${file} imports { z } from 'zod': write import * as z from 'zod', so bundles keep only the zod they use.`,
      });
    }
  }
  return violations;
}

/**
 * Server code takes Node's `http` from server/http/node-http.ts rather than importing 'node:http' as a value:
 * Node reads every export of a built-in module for its ESM namespace, and three of `http`'s load Node's bundled
 * undici into every server process (0.75 MB of source on the heap, and its code). `import type` is free.
 */
function nodeHttpImportViolations(file: string, source: ts.SourceFile, lineOf: (pos: number) => number): Violation[] {
  if (!isUnder(file, 'server') || file === 'server/http/node-http.ts') return [];
  return valueImports(source, ['node:http', 'http']).map((statement) => ({
    file,
    line: lineOf(statement.getStart(source)),
    message: `${file} imports 'node:http' as a value: take nodeHttp from server/http/node-http.ts (or write import type).`,
  }));
}

/** The file's import declarations of any of `modules` other than `import type` ones. */
function valueImports(source: ts.SourceFile, modules: readonly string[]): ts.ImportDeclaration[] {
  return source.statements.filter(
    (statement): statement is ts.ImportDeclaration =>
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      modules.includes(statement.moduleSpecifier.text) &&
      !statement.importClause?.isTypeOnly,
  );
}
