// The renderer's CSP forbids eval, and zod compiles object parsers with `new Function` unless told not
// to (its probe alone is reported as a CSP violation). Imported first by main.tsx, so this runs before
// any schema is built.
import * as z from 'zod';

z.config({ jitless: true });
