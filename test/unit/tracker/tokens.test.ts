import { describe, expect, it } from 'vitest';
import {
  readTokenClaims,
  signToken,
  verifyToken,
  type TokenPayload,
} from '../../../tracker/tokens';

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

  it('accepts only the one canonical base64url spelling of the signature', () => {
    const token = signToken(payload, key);
    const [body, signature] = token.split('.') as [string, string];
    const standard = Buffer.from(signature, 'base64url').toString('base64');
    for (const variant of [
      `${token}=`,
      `${token}==`,
      `${body}.${standard}`,
      `${body}.${signature} `,
      `${body}.${signature.slice(0, 20)}\n${signature.slice(20)}`,
      // The last of 43 characters carries 2 unused bits: a sibling decodes to the same bytes.
      `${body}.${signature.slice(0, -1)}${String.fromCharCode(signature.charCodeAt(42) ^ 1)}`,
    ]) {
      expect(verifyToken(variant, 'click', lookup), variant).toBeNull();
    }
    expect(verifyToken(token, 'click', lookup)).toEqual(payload);
  });
});

describe('token extensions', () => {
  it('carries an optional issued-at time and refuses a malformed one', () => {
    const withTime = { ...payload, iat: 1_790_000_000 };
    expect(verifyToken(signToken(withTime, key), 'click', lookup)).toEqual(withTime);
    expect(verifyToken(signToken({ ...payload, iat: -1 }, key), 'click', lookup)).toBeNull();
    expect(verifyToken(signToken({ ...payload, iat: 1.5 }, key), 'click', lookup)).toBeNull();
  });

  it('reads the claimed account and key id without trusting the signature', () => {
    const token = signToken(payload, key);
    expect(readTokenClaims(token)).toEqual({ account: 'acc1', kid: 'k1' });
    expect(readTokenClaims(`${token.split('.')[0]}.forged`)).toEqual({
      account: 'acc1',
      kid: 'k1',
    });
    expect(readTokenClaims('garbage')).toBeNull();
    expect(readTokenClaims('x'.repeat(5000))).toBeNull();
  });
});
