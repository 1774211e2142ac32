/** The messages between compile.ts's MjmlCompiler and the MJML worker thread (mjmlWorker.ts). */
export interface CompileRequest {
  id: number;
  source: string;
}

export type CompileAnswer =
  | { id: number; html: string; errors: string[] }
  /** MJML itself threw (not a validation error): its message, for the log. */
  | { id: number; failure: string };

/** The options every compile runs with. */
export const MJML_OPTIONS = {
  validationLevel: 'strict',
  keepComments: false,
  // No includes ever: user text is escaped, and this keeps MJML from reading files regardless.
  ignoreIncludes: true,
} as const;
