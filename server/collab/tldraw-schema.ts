import type { TLSchema } from '@tldraw/tlschema';

/**
 * The tldraw schema of the version the product ships, used to check every record written to a whiteboard.
 * It is imported on first use (the first whiteboard connection), not at start-up: it costs about 130 ms and
 * 25 MB, which a server that never opens a whiteboard does not pay. `@tldraw/tlschema` is the tldraw
 * sub-package holding the record types and validators; it runs in Node without a DOM.
 */
let schema: TLSchema | null = null;
let loading: Promise<TLSchema> | null = null;

export async function loadTldrawSchema(): Promise<void> {
  if (schema) return;
  loading ??= import('@tldraw/tlschema').then((m) => m.createTLSchema());
  schema = await loading;
}

/**
 * True when every value is a whiteboard entry `{ key, val }` whose key is the record's id and whose `val` is
 * a valid record of the shipped schema: a document-scoped type (the whiteboard shares no session or presence
 * records), an id with the type's prefix, the required fields with the right types. Requires
 * `loadTldrawSchema()` to have completed.
 */
export function areValidWhiteboardEntries(entries: readonly unknown[]): boolean {
  if (!schema) throw new Error('tldraw schema not loaded');
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) return false;
    const { key, val } = entry as { key?: unknown; val?: unknown };
    if (typeof key !== 'string' || typeof val !== 'object' || val === null || (val as { id?: unknown }).id !== key) return false;
    const typeName = (val as { typeName?: unknown }).typeName;
    const type = typeof typeName === 'string' && Object.hasOwn(schema.types, typeName) ? schema.types[typeName as keyof typeof schema.types] : undefined;
    if (!type || type.scope !== 'document') return false;
    try {
      type.validate(val);
    } catch {
      return false;
    }
  }
  return true;
}
