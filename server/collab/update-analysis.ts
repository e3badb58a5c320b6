import * as Y from 'yjs';

/**
 * What an incoming update would do to the authoritative document, computed from the decoded structs and delete set against the document's struct store: cost is proportional to the update
 * (plus a binary search per referenced item), never to the document.
 */
export interface UpdateAnalysis {
  /** It holds a struct not yet integrated, or deletes an item not yet deleted. */
  contentBearing: boolean;
  /** Clients that authored a not-yet-integrated struct (banned if the update is rejected). */
  authors: Set<number>;
  /** Some struct or deletion could not be integrated (R5): applying would leave pending state. */
  missingDependencies: boolean;
  /** It inserts into or deletes from the guarded root type (R2: `meta` on the code document). */
  touchesGuardedRoot: boolean;
  /**
   * Every struct is new and every deletion removes a live item: the update equals its own diff against the
   * document, so it can be stored and relayed as received (the common keystroke), without re-encoding.
   */
  entirelyNew: boolean;
  /**
   * What it inserts into the records root (the whiteboard's `tldraw` array): the values of the new entries,
   * or 'unreadable' when something other than plain JSON values lands there (a nested type, a string, ...).
   */
  records: unknown[] | 'unreadable';
}

export interface AnalysisRoots {
  /** A root clients may not write (R2: `meta` on the code document). */
  guarded: string | null;
  /** A root whose new entries are collected into `records`. */
  records: string | null;
}

type Struct = Y.Item | Y.GC | Y.Skip;
type Ref = { client: number; clock: number };

/** Throws on a malformed update (the caller closes the connection with 1008). */
export function analyzeUpdate(doc: Y.Doc, update: Uint8Array, roots: AnalysisRoots): UpdateAnalysis {
  const guardedRoot = roots.guarded;
  const decoded = Y.decodeUpdate(update);
  const structs = decoded.structs as Struct[];
  const ds = decoded.ds;
  const store = doc.store;
  const result: UpdateAnalysis = {
    contentBearing: false,
    authors: new Set(),
    missingDependencies: false,
    touchesGuardedRoot: false,
    entirelyNew: true,
    records: [],
  };
  // Effective state: the document's state extended by the contiguous new structs of this update.
  const next = new Map<number, number>();
  const stateOf = (client: number): number => next.get(client) ?? Y.getState(store, client);
  const byClient = new Map<number, Struct[]>();
  const fresh: Y.Item[] = [];
  const gapped = new Set<number>();
  for (const s of structs) {
    const client = s.id.client;
    let list = byClient.get(client);
    if (!list) byClient.set(client, (list = []));
    list.push(s);
    if (s instanceof Y.Skip) {
      result.entirelyNew = false;
      continue;
    }
    const current = stateOf(client);
    const end = s.id.clock + s.length;
    if (s.id.clock < current) result.entirelyNew = false;
    if (end <= current) continue; // already integrated: not content
    result.contentBearing = true;
    result.authors.add(client);
    if (s.id.clock > current || gapped.has(client)) {
      gapped.add(client);
      result.missingDependencies = true;
      continue;
    }
    next.set(client, end);
    if (s instanceof Y.Item) fresh.push(s);
  }
  const known = (ref: Ref): boolean => ref.clock < stateOf(ref.client);
  for (const item of fresh) {
    const parent = item.parent as unknown;
    for (const ref of [item.origin, item.rightOrigin, parent instanceof Y.ID ? parent : null]) {
      if (ref === null) continue;
      if (!known(ref) || (ref.client === item.id.client && ref.clock >= item.id.clock)) {
        result.missingDependencies = true;
      }
    }
  }
  for (const [client, deletes] of ds.clients) {
    const docState = Y.getState(store, client);
    const effective = stateOf(client);
    const docStructs = store.clients.get(client);
    for (const { clock, len } of deletes) {
      if (clock + len > effective) result.missingDependencies = true;
      const end = Math.min(clock + len, docState);
      if (!docStructs || clock >= end) continue;
      for (let i = Y.findIndexSS(docStructs, clock); i < docStructs.length; i++) {
        const s = docStructs[i]!;
        if (s.id.clock >= end) break;
        if (s.deleted) {
          result.entirelyNew = false;
          continue;
        }
        result.contentBearing = true;
        if (guardedRoot !== null && s instanceof Y.Item && rootOfType(s.parent) === guardedRoot) {
          result.touchesGuardedRoot = true;
        }
      }
    }
  }
  if ((guardedRoot !== null || roots.records !== null) && !result.missingDependencies) {
    const resolver = new PlacementResolver(doc, byClient);
    for (const item of fresh) {
      const placement = resolver.ofNew(item);
      if (guardedRoot !== null && placement.root === guardedRoot) result.touchesGuardedRoot = true;
      if (roots.records !== null && placement.root === roots.records && result.records !== 'unreadable') result.records = collectRecords(item, placement, result.records);
    }
  }
  return result;
}

/** The new item's values added to `records`, or 'unreadable' when it is not a plain entry of the root array. */
function collectRecords(item: Y.Item, placement: Placement, records: unknown[]): unknown[] | 'unreadable' {
  if (item.content instanceof Y.ContentDeleted) return records;
  if (placement.nested || !(item.content instanceof Y.ContentAny)) return 'unreadable';
  records.push(...(item.content.getContent() as unknown[]));
  return records;
}

/** Where an item sits: its root type's name, and whether it is inside a nested type rather than in the root. */
interface Placement {
  root: string | null;
  nested: boolean;
}

/** Finds the placement of new items through parent/origin references (dependencies are known to exist). */
class PlacementResolver {
  readonly #doc: Y.Doc;
  readonly #byClient: Map<number, Struct[]>;
  readonly #memo = new Map<Y.Item, Placement>();

  constructor(doc: Y.Doc, byClient: Map<number, Struct[]>) {
    this.#doc = doc;
    this.#byClient = byClient;
  }

  ofNew(item: Y.Item, depth = 0): Placement {
    const cached = this.#memo.get(item);
    if (cached !== undefined) return cached;
    // A hostile update may chain references deeply; the depth bound keeps this iterative cost small.
    if (depth > 10_000) return UNPLACED;
    const parent = item.parent as unknown;
    let placement = UNPLACED;
    if (typeof parent === 'string') placement = { root: parent, nested: false };
    else if (parent instanceof Y.ID) placement = { root: this.#ofRef(parent, depth).root, nested: true };
    else if (item.origin) placement = this.#ofRef(item.origin, depth);
    else if (item.rightOrigin) placement = this.#ofRef(item.rightOrigin, depth);
    this.#memo.set(item, placement);
    return placement;
  }

  #ofRef(ref: Y.ID, depth: number): Placement {
    if (ref.clock < Y.getState(this.#doc.store, ref.client)) {
      const existing = Y.getItem(this.#doc.store, ref) as Y.Item | Y.GC;
      if (!(existing instanceof Y.Item)) return UNPLACED;
      const parent = existing.parent;
      return { root: rootOfType(parent), nested: parent instanceof Y.AbstractType && parent._item !== null };
    }
    const list = this.#byClient.get(ref.client) ?? [];
    const found = list.find((s) => s.id.clock <= ref.clock && ref.clock < s.id.clock + s.length);
    return found instanceof Y.Item ? this.ofNew(found, depth + 1) : UNPLACED;
  }
}

const UNPLACED: Placement = { root: null, nested: false };

function rootOfType(parent: Y.AbstractType<unknown> | Y.ID | null): string | null {
  let type = parent instanceof Y.AbstractType ? parent : null;
  while (type?._item) {
    const up = type._item.parent;
    type = up instanceof Y.AbstractType ? up : null;
  }
  if (!type?.doc) return null;
  for (const [name, shared] of type.doc.share) if (shared === type) return name;
  return null;
}
