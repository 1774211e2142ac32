import { describe, expect, it } from 'vitest';
import { ShopDetails } from '../../../electron/contract/settings';

describe("the shop's website as a shopkeeper types it", () => {
  it('adds https:// to an address without a scheme, keeps one that has it', () => {
    expect(ShopDetails.parse({ website: 'www.bakkerijdevries.nl' }).website).toBe(
      'https://www.bakkerijdevries.nl',
    );
    expect(ShopDetails.parse({ website: ' http://winkel.nl/pad ' }).website).toBe(
      'http://winkel.nl/pad',
    );
    expect(ShopDetails.parse({ website: '' }).website).toBe('');
    expect(ShopDetails.parse({}).website).toBe('');
  });

  it('still refuses what is no web address, with the Dutch message key', () => {
    const refused = ShopDetails.safeParse({ website: 'ftp://winkel.nl' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('common:errors.url');
    expect(ShopDetails.safeParse({ website: 'bakkerij de vries' }).success).toBe(false);
  });
});
