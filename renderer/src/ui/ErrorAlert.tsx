// A failed request as one line a person can act on (the text chosen by the error's code, or by the form for codes
// it can say more about), with the code for tests and support staff. Renders nothing while there is no error.
import { errorCode, errorText } from './error-text.ts';

export function ErrorAlert({ error, texts }: { error: unknown; texts?: Partial<Record<string, string>> }) {
  if (error === null || error === undefined) return null;
  const code = errorCode(error);
  return <p role="alert" className="error" data-error-code={code}>{texts?.[code] ?? errorText(error)}</p>;
}
