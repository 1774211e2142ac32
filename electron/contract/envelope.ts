/**
 * Every channel answers an envelope, never a thrown error across the process boundary.
 * `key` (an i18next key such as "settings:errors.port") lets the renderer show the message in the
 * user's language; `message` is plain English for logs and tools.
 */
export interface FieldIssue {
  field: string;
  message: string;
  key?: string;
}

export interface ContractError {
  code: string;
  message: string;
  key?: string;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ERROR_CODES = {
  invalidInput: 'invalid_input',
  notFound: 'not_found',
  conflict: 'conflict',
  forbidden: 'forbidden',
  unavailable: 'unavailable',
  unknownChannel: 'unknown_channel',
  internal: 'internal',
} as const;

/** Thrown by services for expected failures; the handler table turns it into `ok:false`. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly key?: string,
    readonly params?: Record<string, string | number>,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toContractError(): ContractError {
    return {
      code: this.code,
      message: this.message,
      ...(this.key ? { key: this.key } : {}),
      ...(this.params ? { params: this.params } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

/** Client side: unwrap an envelope, rethrowing failures as a ContractFailure. */
export class ContractFailure extends Error {
  constructor(readonly error: ContractError) {
    super(error.message);
    this.name = 'ContractFailure';
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ContractFailure(envelope.error);
}
