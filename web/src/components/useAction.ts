/**
 * A form's or a button's call to the server: busy while it runs (to disable the button), its error kept to show
 * where it happened. The pages' submit handlers share it instead of each repeating the same try/catch/finally.
 */
import { useState } from 'react';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** Runs `work`: busy meanwhile, the previous error cleared, a new one kept. */
  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
