import { useRef, useState } from 'react';
import { createSubmitter, type Submitter } from '../services/submit';

/**
 * One user intent that creates something: `submit(key => request(…, key))` sends the intent's Idempotency-Key
 * and `busy` is true while it runs (bind it to the button's loading/disabled). The key lives as long as the
 * component: retries reuse it, success replaces it. Taps during a request are ignored even before React re-renders.
 */
export function useSubmit(): { submit: Submitter['submit']; busy: boolean } {
  const [busy, setBusy] = useState(false);
  const submitter = useRef<Submitter | null>(null);
  submitter.current ??= createSubmitter({ onBusy: setBusy });
  return { submit: submitter.current.submit, busy };
}
