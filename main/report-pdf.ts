// Session report → PDF (IPC `report:save-pdf`). The printing window and the save dialog are injected, so this
// runs in tests without Electron; main.ts passes a hidden, sandboxed BrowserWindow without JavaScript whose
// session refuses every request that is not the report itself.
import * as z from 'zod';
import type { ReportPdfRequest } from '../preload/api.ts';
import { parseArg } from './ipc-validation.ts';

/** A generous ceiling: the report inlines its whiteboard PNG. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;

export const zReportPdfRequest = z.object({
  html: z.string().min(1).max(MAX_REPORT_BYTES),
  fileName: z.string().regex(/^[^/\\:*?"<>|\u0000-\u001f]{1,120}\.pdf$/, 'a plain file name ending in .pdf'),
});

/** The part of a BrowserWindow this module needs. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  printToPDF(options: { printBackground: boolean; pageSize: 'A4' }): Promise<Uint8Array>;
  destroy(): void;
}

export interface ReportPdfDeps {
  openPrintWindow(): PrintWindow;
  /** The path the user chose, or null when they cancelled. */
  chooseSavePath(defaultName: string): Promise<string | null>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
}

/** The report as a `data:` URL: the window loads nothing else. */
export function reportDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

export async function printReportPdf(html: string, openPrintWindow: () => PrintWindow): Promise<Uint8Array> {
  const win = openPrintWindow();
  try {
    await win.loadURL(reportDataUrl(html));
    return await win.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    win.destroy();
  }
}

export async function saveReportPdf(request: unknown, deps: ReportPdfDeps): Promise<{ saved: boolean }> {
  const { html, fileName }: ReportPdfRequest = parseArg(zReportPdfRequest, request, 'report');
  const path = await deps.chooseSavePath(fileName);
  if (!path) return { saved: false };
  await deps.writeFile(path, await printReportPdf(html, deps.openPrintWindow));
  return { saved: true };
}
