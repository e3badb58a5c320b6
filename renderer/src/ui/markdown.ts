// Problem statements are Markdown from the server; rendered with marked and sanitized with DOMPurify
// before they touch the DOM.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(marked.parse(source, { async: false, gfm: true }));
}
