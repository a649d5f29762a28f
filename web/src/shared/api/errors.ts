// What the server says went wrong: { error: { code, message, details: { fields?: [{ field, message, row? }] } } }.

export interface FieldProblem {
  field: string;
  message: string;
  row?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message || code);
    this.name = 'ApiError';
  }

  /** The server's message (already in the user's language), or '' when it sent none. */
  get serverMessage(): string {
    return this.message === this.code ? '' : this.message;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Problems keyed by field path ("name", "health.conditions"); the first message per field wins. */
export function problemsByField(fields: FieldProblem[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fields) if (f.row === undefined && !out.has(f.field)) out.set(f.field, f.message);
  return out;
}
