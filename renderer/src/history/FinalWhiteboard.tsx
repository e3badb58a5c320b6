// The session's final whiteboard (GET /v1/sessions/:id/whiteboard?format=json), read-only, with export.
import { useState } from 'react';
import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLRecord } from 'tldraw';
import { ReadOnlyWhiteboard } from './ReadOnlyWhiteboard.tsx';

export function FinalWhiteboard({ records, fileName }: { records: Record<string, unknown>[]; fileName: string }) {
  const [store] = useState(() => {
    const s = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
    s.mergeRemoteChanges(() => s.put(records as unknown as TLRecord[]));
    return s;
  });
  return (
    <ReadOnlyWhiteboard
      store={store}
      records={() => records}
      fileName={fileName}
      badge={<span className="badge">Final state, read-only</span>}
      className="whiteboard final"
      testId="final-whiteboard"
      fit
    />
  );
}
