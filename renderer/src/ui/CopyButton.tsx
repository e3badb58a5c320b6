import { useState } from 'react';

export function CopyButton({ text, label = 'Copy', testId }: { text: string; label?: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard permission denied (e.g. an insecure origin): the text stays selectable next to the button.
    }
  };
  return (
    <button type="button" onClick={copy} data-testid={testId}>
      {copied ? 'Copied' : label}
    </button>
  );
}
