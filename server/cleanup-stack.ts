// Start-up opens things one after another (database, planes, sockets); when a later step fails, whatever
// was already opened must be released again, newest first, so that a failed start leaves nothing behind.

/** Undo steps, run newest first. A small stand-in for `AsyncDisposableStack` (not in our ES2023 lib). */
export class CleanupStack {
  #steps: (() => unknown)[] = [];

  /** Registers how to release what was just opened. */
  defer(step: () => unknown): void {
    this.#steps.push(step);
  }

  /** Runs every step once, newest first, even when one fails; rethrows the first failure. */
  async dispose(): Promise<void> {
    const steps = this.#steps.splice(0).reverse();
    let failure: { error: unknown } | undefined;
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }
}

/**
 * Runs `open` with a fresh stack; if it throws, everything it deferred is released before the error is
 * rethrown (a failure while releasing is not allowed to hide the original error).
 */
export async function openOrUnwind<T>(open: (stack: CleanupStack) => Promise<T>): Promise<T> {
  const stack = new CleanupStack();
  try {
    return await open(stack);
  } catch (error) {
    await stack.dispose().catch(() => {});
    throw error;
  }
}
