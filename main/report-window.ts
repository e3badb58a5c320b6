// Electron side of `report:save-pdf` (logic in report-pdf.ts): a hidden window in its own session, sandboxed,
// without JavaScript, whose every request except the report's data: URL is refused; and the OS save dialog.
import { BrowserWindow, dialog, session } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { ReportPdfDeps } from './report-pdf.ts';

const PARTITION = 'report-pdf';

/** Call once the app is ready (sessions exist from then on). */
export function electronReportPdf(parent: () => BrowserWindow | null): ReportPdfDeps {
  const printing = session.fromPartition(PARTITION);
  printing.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  printing.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  return {
    openPrintWindow: () => {
      const win = new BrowserWindow({
        show: false,
        webPreferences: {
          partition: PARTITION,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          // Like the main window: no middle-click navigation, even in a window that never shows.
          disableBlinkFeatures: 'Auxclick',
        },
      });
      return {
        loadURL: (url) => win.loadURL(url),
        printToPDF: (options) => win.webContents.printToPDF(options),
        destroy: () => win.destroy(),
      };
    },
    chooseSavePath: async (defaultPath) => {
      const options = { defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const owner = parent();
      const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    writeFile: (path, bytes) => writeFile(path, bytes),
  };
}
