import type { BuildOptions } from 'esbuild';

export const UNUSED_IN_MJML_WORKER: readonly string[];
export function mjmlWorkerBundling(): Pick<BuildOptions, 'packages' | 'plugins' | 'banner'>;
