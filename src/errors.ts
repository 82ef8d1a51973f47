// One error type for the whole library. `code` is stable and namespaced (`stage.what`);
// only src/cli maps codes to exit codes and prints. Messages say what was expected,
// what was seen, and what to do.

export type ErrorCode =
  | 'usage.invalidOption'
  | 'target.commandNotFound'
  | 'target.spawnFailed'
  | 'target.goNotFound'
  | 'target.buildFailed'
  | 'recording.notFound'
  | 'recording.unreadable'
  | 'recording.writeFailed'
  | 'runtime.procUnavailable'
  | 'attach.noProcess'
  | 'attach.denied';

export class RssdoctorError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RssdoctorError';
    this.code = code;
  }
}

// Narrowing helper for catch blocks, which receive `unknown`.
export function isRssdoctorError(error: unknown): error is RssdoctorError {
  return error instanceof RssdoctorError;
}
