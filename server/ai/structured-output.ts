// A structured answer: requested as JSON with its schema (the chat client picks json_schema, json_object or
// a prompt), validated with zod, asked once more with the validation errors when invalid, then refused with
// an AiOutputError (the job fails with AI_UNAVAILABLE).
import * as z from 'zod';
import type { ChatClient, ChatMessage } from './chat-client.ts';

export class AiOutputError extends Error {
  override readonly name = 'AiOutputError';
}

export interface StructuredRequest<S extends z.ZodType> {
  name: string;
  schema: S;
  messages: ChatMessage[];
  maxTokens: number;
  signal?: AbortSignal;
}

export async function requestStructured<S extends z.ZodType>(chat: ChatClient, request: StructuredRequest<S>): Promise<z.output<S>> {
  const format = { name: request.name, schema: modelSchema(request.schema) };
  let messages = request.messages;
  for (let attempt = 0; attempt < 2; attempt++) {
    const content = await chat.completeJson({ messages, format, maxTokens: request.maxTokens, signal: request.signal });
    const checked = check(request.schema, content);
    if (checked.ok) return checked.value;
    messages = [
      ...request.messages,
      { role: 'assistant', content },
      { role: 'user', content: `That answer is not valid: ${checked.problem}. Answer again with only the JSON object, matching the schema.` },
    ];
  }
  throw new AiOutputError(`The model's ${request.name} did not match the expected format twice.`);
}

/** JSON Schema of what the model must produce (the input side of the zod schema, before any transform). */
function modelSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

function check<S extends z.ZodType>(schema: S, content: string): { ok: true; value: z.output<S> } | { ok: false; problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripFence(content));
  } catch {
    return { ok: false, problem: 'it is not JSON' };
  }
  const result = schema.safeParse(parsed);
  if (result.success) return { ok: true, value: result.data };
  const problem = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return { ok: false, problem };
}

/** Models asked for JSON in a prompt often wrap it in a Markdown code fence. */
function stripFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/.exec(content);
  return fenced ? fenced[1]! : content;
}
