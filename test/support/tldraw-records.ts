// Valid tldraw records (the shipped schema) for whiteboard tests: the server rejects anything else.

export type TestRecord = Record<string, unknown> & { id: string };

/** A page record; `meta` may carry any JSON (tests use it to make a record large). */
export function pageRecord(id: string, name = 'Page', meta: Record<string, unknown> = {}): TestRecord {
  return { id: `page:${id}`, typeName: 'page', name, index: 'a1', meta };
}

/** A rectangle (geo shape) on `page:page`. */
export function boxRecord(id: string, x = 0, y = 0): TestRecord {
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'geo',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: GEO_PROPS,
  };
}

const GEO_PROPS = {
  w: 100,
  h: 80,
  geo: 'rectangle',
  dash: 'draw',
  growY: 0,
  url: '',
  scale: 1,
  color: 'black',
  labelColor: 'black',
  fill: 'none',
  size: 'm',
  font: 'draw',
  align: 'middle',
  verticalAlign: 'middle',
  richText: { type: 'doc', content: [{ type: 'paragraph' }] },
  flipX: false,
  flipY: false,
};
