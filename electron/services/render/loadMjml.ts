// A type-only import: erased from the build, so it loads nothing at start.
import type mjml2html from 'mjml';

export type Mjml2Html = typeof mjml2html;

let loading: Promise<Mjml2Html> | undefined;

/**
 * MJML (with its parsers and minifier) adds some 45 MB to the process: it is loaded at the
 * first compile, not at app start, and kept after that.
 */
export function loadMjml(): Promise<Mjml2Html> {
  if (!loading) {
    loading = import('mjml').then((module) => module.default);
    // A failed load is not kept, so the next compile tries again.
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
