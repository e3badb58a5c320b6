// Monaco without a CDN: the core API, the syntax colouring of our languages, the hover and marker navigation (a
// static-analysis marker's message, F8 between markers), and its worker bundled by Vite (`?worker`). Imported only
// from room and history chunks, so the lobby never pays for it.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
// The icon font (codicon.ttf): without it the diff editor's gutter shows an empty box on every line.
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/languages/definitions/javascript/register.js';
import 'monaco-editor/languages/definitions/typescript/register.js';
import 'monaco-editor/languages/definitions/python/register.js';
import 'monaco-editor/languages/definitions/go/register.js';
import 'monaco-editor/languages/definitions/rust/register.js';
import 'monaco-editor/languages/definitions/java/register.js';
import 'monaco-editor/languages/definitions/cpp/register.js';
import type { SupportedLanguage } from '../../../../server/protocol/index.ts';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

/** Every editor's theme: Monaco's dark theme with comments readable at 5:1 (its #608b4e is 4.2:1, under WCAG AA). */
export const EDITOR_THEME = 'syncode-dark';
monaco.editor.defineTheme(EDITOR_THEME, { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '6a9955' }], colors: {} });

export function monacoLanguage(language: SupportedLanguage): string {
  return language === 'c' ? 'cpp' : language;
}

export { monaco };
