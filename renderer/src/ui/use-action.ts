// A form's request: busy while it runs (the submit button waits), its error kept for ErrorAlert and cleared when
// the next attempt starts.
import { useState } from 'react';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  /** Forgets a shown error (the form changed to ask something else). */
  const clearError = () => setError(null);
  return { busy, error, run, clearError };
}
