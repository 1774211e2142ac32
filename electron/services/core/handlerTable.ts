import type { z } from 'zod';
import {
  channels,
  DomainError,
  ERROR_CODES,
  type ChannelName,
  type ChannelOutput,
  type ChannelParsedInput,
  type Envelope,
  type FieldIssue,
} from '../../contract';
import type { Logger } from './logger';

/** What a capability implements: validated input in, plain output (or a DomainError) out. */
export type HandlerImpls = {
  [C in ChannelName]: (
    input: ChannelParsedInput<C>,
  ) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

/** What both transports call: anything in, an envelope out. Never throws. */
export type HandlerTable = Record<ChannelName, (input: unknown) => Promise<Envelope<unknown>>>;

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

export function buildHandlerTable(impls: HandlerImpls, logger: Logger): HandlerTable {
  const table = {} as HandlerTable;
  for (const name of Object.keys(channels) as ChannelName[]) {
    table[name] = (input) => invoke(name, impls, input, logger);
  }
  return table;
}

async function invoke(
  name: ChannelName,
  impls: HandlerImpls,
  input: unknown,
  logger: Logger,
): Promise<Envelope<unknown>> {
  const def = channels[name];
  const parsed = (def.input as z.ZodType).safeParse(input ?? {});
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const impl = impls[name] as (value: unknown) => unknown;
    const value = await impl(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: error.toContractError() };
    logger.error(`channel ${name} failed`, error);
    return {
      ok: false,
      error: {
        code: ERROR_CODES.internal,
        message: 'Something went wrong',
        key: 'common:errors.internal',
      },
    };
  }
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(input)';
    const key = issue.message.includes(':errors.') ? issue.message : undefined;
    const message = key ? `${field}: invalid value` : `${field}: ${issue.message}`;
    return { field, message, ...(key ? { key } : {}) };
  });
}

export function invalidInput(error: z.ZodError): Envelope<never> {
  const issues = zodIssues(error);
  return {
    ok: false,
    error: {
      code: ERROR_CODES.invalidInput,
      message: issues.map((i) => i.message).join('; '),
      key: 'common:errors.invalidInput',
      issues,
    },
  };
}
