// What to install for a language whose toolchain (or static analyzer) was not found, per desktop OS: shown next to
// the language picker so that offline practice says how to get a missing language instead of silently leaving it out.

import type { MissingLanguage, SupportedLanguage } from '../protocol/index.ts';

type Platform = 'linux' | 'darwin' | 'win32';

const HINTS: Record<SupportedLanguage, Record<Platform, string>> = {
  javascript: {
    linux: 'runs on the Node.js inside SynCode; reinstall the app',
    darwin: 'runs on the Node.js inside SynCode; reinstall the app',
    win32: 'runs on the Node.js inside SynCode; reinstall the app',
  },
  typescript: {
    linux: 'needs the esbuild binary bundled with SynCode; reinstall the app',
    darwin: 'needs the esbuild binary bundled with SynCode; reinstall the app',
    win32: 'needs the esbuild binary bundled with SynCode; reinstall the app',
  },
  python: {
    linux: 'install Python 3 (e.g. `sudo apt install python3`) so that `python3` is on PATH',
    darwin: 'install Python 3 (`brew install python` or python.org) so that `python3` is on PATH',
    win32: 'install Python 3 from python.org or `winget install Python.Python.3.12`, with "Add python.exe to PATH"',
  },
  go: {
    linux: 'install Go from go.dev/dl (or `sudo apt install golang`) so that `go` is on PATH',
    darwin: 'install Go from go.dev/dl (or `brew install go`) so that `go` is on PATH',
    win32: 'install Go from go.dev/dl (or `winget install GoLang.Go`) so that `go` is on PATH',
  },
  rust: {
    linux: 'install Rust with rustup (rustup.rs) so that `rustc` is on PATH',
    darwin: 'install Rust with rustup (rustup.rs) so that `rustc` is on PATH',
    win32: 'install Rust with rustup (rustup.rs) so that `rustc` is on PATH',
  },
  java: {
    linux: 'install a JDK 17+ (e.g. `sudo apt install default-jdk`) so that `javac` and `java` are on PATH',
    darwin: 'install a JDK 17+ (`brew install openjdk` or adoptium.net) so that `javac` and `java` are on PATH',
    win32: 'install a JDK 17+ (adoptium.net or `winget install EclipseAdoptium.Temurin.21.JDK`) so that `javac` is on PATH',
  },
  cpp: {
    linux: 'install g++ (e.g. `sudo apt install g++`)',
    darwin: 'install the Xcode command-line tools (`xcode-select --install`), which provide `g++`',
    win32: 'install MinGW-w64 (e.g. through MSYS2: `pacman -S mingw-w64-ucrt-x86_64-gcc`) and put its `bin` on PATH',
  },
  c: {
    linux: 'install gcc (e.g. `sudo apt install gcc`)',
    darwin: 'install the Xcode command-line tools (`xcode-select --install`), which provide `gcc`',
    win32: 'install MinGW-w64 (e.g. through MSYS2: `pacman -S mingw-w64-ucrt-x86_64-gcc`) and put its `bin` on PATH',
  },
};

/** Analyzers that need more than the language's toolchain. */
const ANALYZER_HINTS: Partial<Record<SupportedLanguage, Record<Platform, string>>> = {
  python: {
    linux: 'static analysis needs pyflakes (e.g. `sudo apt install python3-pyflakes`, or `python3 -m pip install pyflakes`)',
    darwin: 'static analysis needs pyflakes (`python3 -m pip install pyflakes`)',
    win32: 'static analysis needs pyflakes (`python -m pip install pyflakes`)',
  },
};
const SCRIPT_ANALYZER_HINT = 'static analysis needs the TypeScript and ESLint packages bundled with SynCode; reinstall the app';

/** How to get a language's static analyzer: its toolchain first (JS and TS: Node), then what the analyzer adds. */
export function analyzerInstallHint(language: SupportedLanguage, toolchainFound: boolean, platform: NodeJS.Platform = process.platform): string {
  const os = osOf(platform);
  if (!toolchainFound) return HINTS[language === 'typescript' ? 'javascript' : language][os];
  if (language === 'javascript' || language === 'typescript') return SCRIPT_ANALYZER_HINT;
  return ANALYZER_HINTS[language]?.[os] ?? HINTS[language][os];
}

function osOf(platform: NodeJS.Platform): Platform {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}

/** The languages of `all` not in `found`, each with how to install it on `platform` (other Unixes get the Linux hint). */
export function missingLanguages(all: readonly SupportedLanguage[], found: ReadonlySet<SupportedLanguage>, platform: NodeJS.Platform = process.platform): MissingLanguage[] {
  const os = osOf(platform);
  return all.filter((language) => !found.has(language)).map((language) => ({ language, installHint: HINTS[language][os] }));
}
