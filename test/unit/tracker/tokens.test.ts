import { describe, expect, it } from 'vitest';
import { signToken, verifyToken, type TokenPayload } from '../../../tracker/tokens';

const key = Buffer.alloc(32, 7);
const lookup = (account: string, kid: string) =>
  account === 'acc1' && kid === 'k1' ? key : undefined;
const payload: TokenPayload = {
  v: 1,
  kid: 'k1',
  account: 'acc1',
  mailing: 'm1',
  recipient: 'r1',
  kind: 'click',
  link: 3,
};

describe('tokens', () => {
  it('verifies a token it signed', () => {
    expect(verifyToken(signToken(payload, key), 'click', lookup)).toEqual(payload);
  });

  it('refuses a token of another kind', () => {
    expect(verifyToken(signToken(payload, key), 'open', lookup)).toBeNull();
  });

  it('refuses a token with one flipped byte anywhere', () => {
    const token = signToken(payload, key);
    for (let i = 0; i < token.length; i += 1) {
      const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      if (flipped === token) continue;
      expect(verifyToken(flipped, 'click', lookup)).toBeNull();
    }
  });

  it('refuses truncated tokens, unknown keys and garbage', () => {
    const token = signToken(payload, key);
    expect(verifyToken(token.slice(0, -2), 'click', lookup)).toBeNull();
    expect(verifyToken(signToken({ ...payload, kid: 'old' }, key), 'click', lookup)).toBeNull();
    expect(verifyToken('not-a-token', 'click', lookup)).toBeNull();
    expect(verifyToken('', 'click', lookup)).toBeNull();
    expect(verifyToken('a.b.c', 'click', lookup)).toBeNull();
  });
});
