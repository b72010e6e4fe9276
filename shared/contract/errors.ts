/** The one error type of EmDia (API.md): it crosses IPC, HTTP and the CLI intact as `{ error }`. */
export type ErrorKind = 'validation' | 'not_found' | 'conflict' | 'forbidden' | 'limit_exceeded' | 'internal';

export interface ApiErrorBody {
  kind: ErrorKind;
  message: string;
  issues?: { path: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
  toBody(): ApiErrorBody {
    return { kind: this.kind, message: this.message, issues: this.issues };
  }
}

export const isErrorResult = (r: unknown): r is { error: ApiErrorBody } =>
  typeof r === 'object' && r !== null && 'error' in r && typeof (r as { error: unknown }).error === 'object';
