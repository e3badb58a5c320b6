// report:save-pdf without Electron (it cannot run here): the same printing code drives a real Chromium page
// standing in for the hidden BrowserWindow, so the report's data: URL, its CSP and the printing are real.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveReportPdf, type PrintWindow } from '../../main/report-pdf.ts';
import { launchChromium } from '../support/chromium.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const REPORT = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>Report</title></head><body><h1>Session report</h1><img src="https://example.com/tracker.png"><p>Final verdict: Accepted</p></body></html>`;

describe('report:save-pdf printing', () => {
  let browser: Browser;
  const dir = makeTempDir('syncode-pdf-');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    dir.remove();
  });

  it('prints the report from its data: URL to a PDF file, requesting nothing else', async () => {
    const page = await browser.newPage();
    // Anything that went out over the network answers (here: fails to resolve or answers); CSP-blocked loads never do.
    const fetched: string[] = [];
    page.on('response', (r) => fetched.push(r.url().slice(0, 40)));
    page.on('requestfailed', (r) => {
      if (!/csp/i.test(r.failure()?.errorText ?? '')) fetched.push(r.url().slice(0, 40));
    });
    let destroyed = false;
    const window: PrintWindow = {
      loadURL: async (url) => void (await page.goto(url)),
      printToPDF: async (o) => page.pdf({ printBackground: o.printBackground, format: o.pageSize }),
      destroy: () => {
        destroyed = true;
      },
    };
    const target = join(dir.path, 'session.pdf');
    const written: string[] = [];
    const result = await saveReportPdf(
      { html: REPORT, fileName: 'session.pdf' },
      {
        openPrintWindow: () => window,
        chooseSavePath: async () => target,
        writeFile: async (path, bytes) => {
          written.push(path);
          writeFileSync(path, bytes);
        },
      },
    );
    expect(result).toEqual({ saved: true });
    expect(written).toEqual([target]);
    expect(destroyed).toBe(true);
    expect(readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(fetched.filter((u) => !u.startsWith('data:'))).toEqual([]);
    await page.close();
  });
});
