// Markdown from the server (problem statements, the AI's replies, reviews and reports) is rendered with
// marked and sanitized with DOMPurify before it touches the DOM: no scripts, event handlers, frames or
// javascript: URLs, forms or style sheets, whatever a problem author or a model writes.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

// A link opens in a new tab (the desktop app sends it to the OS browser) instead of navigating away
// from the room; `noopener` keeps the opened page from reaching back into ours.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Forms could post or navigate the page away, style sheets could restyle the app around the text. */
const FORBID_TAGS = ['form', 'input', 'button', 'textarea', 'select', 'style'];

export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(marked.parse(source, { async: false, gfm: true }), { FORBID_TAGS });
}
