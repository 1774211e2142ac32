/** The networks a social block links to, in the order the block's settings offer them. */
export const SOCIAL_NETWORKS = [
  'facebook',
  'instagram',
  'tiktok',
  'pinterest',
  'youtube',
  'linkedin',
  'x',
  'website',
] as const;
