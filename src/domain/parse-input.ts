import type { z } from 'zod';
import { ValidationError } from './errors.ts';

/** Parses input from outside; messages name the field (`skills.2.importance`). */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
  throw new ValidationError(
    `Check these fields: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`,
    fields,
  );
}
