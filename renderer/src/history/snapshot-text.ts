// CodeSnapshot.bytes is Y.encodeStateAsUpdate(codeDoc), base64.
import * as Y from 'yjs';
import { CODE_META, CODE_TEXT, type SupportedLanguage } from '../../../server/protocol/index.ts';

export function decodeSnapshot(base64: string): { text: string; language: SupportedLanguage | null } {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, bytes);
    const language = doc.getMap(CODE_META).get('language');
    return { text: doc.getText(CODE_TEXT).toString(), language: typeof language === 'string' ? (language as SupportedLanguage) : null };
  } finally {
    doc.destroy();
  }
}
