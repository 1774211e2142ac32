import { parentPort } from 'node:worker_threads';
import mjml2html from 'mjml';
import { MJML_OPTIONS, type CompileAnswer, type CompileRequest } from './mjmlProtocol';

/**
 * MJML's compile in a worker thread (started by mjmlCompiler.ts): MJML's modules, its parsers and
 * the garbage of each compile live in this thread's isolate, which ends when no compile comes,
 * so the app's own heap never holds them. Compiles one source at a time, in the order asked.
 */
const port = parentPort!;
let queue = Promise.resolve();

port.on('message', (request: CompileRequest) => {
  queue = queue.then(() => compile(request));
});

async function compile({ id, source }: CompileRequest): Promise<void> {
  let answer: CompileAnswer;
  try {
    const result = await mjml2html(source, MJML_OPTIONS);
    answer = { id, html: result.html, errors: result.errors.map((e) => e.formattedMessage) };
  } catch (error) {
    // At strict validation MJML throws its validation errors (a ValidationError with `errors`).
    const refused = validationErrors(error);
    answer = refused
      ? { id, html: '', errors: refused }
      : { id, failure: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
}

function validationErrors(error: unknown): string[] | undefined {
  const errors = (error as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  return errors.map((e) => String((e as { formattedMessage?: unknown }).formattedMessage ?? e));
}
