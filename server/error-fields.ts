/**
 * What a log entry of an unexpected failure carries about the thrown value: `error`, its text as before, and
 * `stack` when it is an Error, so an operator can tell where it was thrown. Stack frames name the running
 * bundle's lines; started with NODE_OPTIONS=--enable-source-maps they name the TypeScript sources instead
 * (server/bundle-options.ts writes the maps).
 */
export function errorFields(error: unknown): { error: string; stack?: string } {
  return error instanceof Error && error.stack ? { error: String(error), stack: error.stack } : { error: String(error) };
}
