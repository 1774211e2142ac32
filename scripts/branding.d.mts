export function brandingName(
  env?: Record<string, string | undefined>,
  resourcesDir?: string,
): string;
