// A structural validator for OpenAPI 3.1 documents (the parts we generate): version, info, path
// templates and their path parameters, operations, responses, request bodies, security, $refs.
// Returns every problem found, as readable strings; an empty list means valid.

type Json = Record<string, any>;
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const PATH_ITEM_KEYS = new Set([...METHODS, '$ref', 'summary', 'description', 'servers', 'parameters']);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateOpenApi31(doc: unknown): string[] {
  const problems: string[] = [];
  const fail = (where: string, what: string) => problems.push(`${where}: ${what}`);
  if (!isObject(doc)) return ['document: not an object'];
  if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi)) fail('openapi', `must be 3.1.x, got ${doc.openapi}`);
  if (!isObject(doc.info) || typeof doc.info.title !== 'string' || typeof doc.info.version !== 'string') fail('info', 'needs title and version strings');
  if (!isObject(doc.paths)) return [...problems, 'paths: missing'];
  const schemes = isObject(doc.components?.securitySchemes) ? doc.components.securitySchemes : {};
  const checkSecurity = (where: string, security: unknown) => {
    if (security === undefined) return;
    if (!Array.isArray(security)) return fail(where, 'security must be an array');
    for (const req of security) for (const name of Object.keys(req)) if (!(name in schemes)) fail(where, `unknown security scheme ${name}`);
  };
  checkSecurity('security', doc.security);
  const operationIds = new Set<string>();

  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/')) fail(path, 'path must start with /');
    if (/\/:/.test(path)) fail(path, 'uses :param instead of {param}');
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    if (!isObject(item)) {
      fail(path, 'path item is not an object');
      continue;
    }
    for (const key of Object.keys(item)) if (!PATH_ITEM_KEYS.has(key)) fail(path, `unexpected key ${key}`);
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!isObject(op)) {
        fail(where, 'operation is not an object');
        continue;
      }
      if (op.operationId !== undefined) {
        if (operationIds.has(op.operationId)) fail(where, `duplicate operationId ${op.operationId}`);
        operationIds.add(op.operationId);
      }
      const params: Json[] = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      for (const p of params) {
        if (typeof p.name !== 'string' || !['query', 'header', 'path', 'cookie'].includes(p.in)) fail(where, `bad parameter ${JSON.stringify(p)}`);
        if (p.schema === undefined && p.content === undefined) fail(where, `parameter ${p.name} has neither schema nor content`);
        if (p.in === 'path' && p.required !== true) fail(where, `path parameter ${p.name} must be required`);
      }
      const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name).sort();
      if (JSON.stringify(pathParams) !== JSON.stringify([...templated].sort())) fail(where, `path parameters ${pathParams} do not match template ${templated}`);
      if (!isObject(op.responses) || Object.keys(op.responses).length === 0) fail(where, 'needs responses');
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (status !== 'default' && !/^[1-5](\d\d|XX)$/.test(status)) fail(where, `bad response key ${status}`);
        if (!isObject(response) || typeof response.description !== 'string') fail(where, `response ${status} needs a description`);
        for (const [type, media] of Object.entries((response as Json).content ?? {})) {
          if (!isObject(media) || !(isObject(media.schema) || typeof media.schema === 'boolean')) fail(where, `response ${status} ${type} needs a schema`);
        }
      }
      if (op.requestBody !== undefined) {
        const content = op.requestBody.content;
        if (!isObject(content) || Object.keys(content).length === 0) fail(where, 'requestBody needs content');
      }
      checkSecurity(where, op.security);
    }
  }

  const visit = (node: unknown, where: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}[${i}]`));
    if (!isObject(node)) return;
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
      let target: any = doc;
      for (const part of node.$ref.slice(2).split('/')) target = target?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      if (target === undefined) fail(where, `unresolved $ref ${node.$ref}`);
    }
    for (const [k, v] of Object.entries(node)) visit(v, `${where}.${k}`);
  };
  visit(doc, '#');
  return problems;
}
