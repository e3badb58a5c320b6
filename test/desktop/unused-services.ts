// Main-process services a desktop test must hand to createIpcHandlers but never exercises. Each throws when
// used, so a test that starts depending on one fails loudly instead of passing on a stand-in.
import type { ReportPdfDeps } from '../../main/report-pdf.ts';

const notHere = (what: string) => (): never => {
  throw new Error(`${what} is not exercised by this test`);
};

/** The PDF export's Electron parts (report-pdf.test.ts and ipc-contract.test.ts cover the channel). */
export const unusedReportPdf: ReportPdfDeps = {
  openPrintWindow: notHere('the print window'),
  chooseSavePath: notHere('the save dialog'),
  writeFile: notHere('writing the PDF'),
};
