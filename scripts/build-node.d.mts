export function buildNode(options?: {
  outDir?: string;
  branding?: string;
}): Promise<{ main: string; preload: string; branding: string }>;
