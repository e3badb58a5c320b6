// The access and collab JWTs as the collab plane sees them: HS256 with the shared secret, `typ` keeping the two kinds apart.
import { describe, expect, it } from 'vitest';
import { jwtVerify } from 'jose';
import { createTokenSigner } from '../../server/control/auth/tokens.ts';

const SECRET = 'tokens-test-secret-0123456789abcdef';
const key = new TextEncoder().encode(SECRET);

describe('token signer', () => {
  const signer = createTokenSigner(SECRET);

  it('signs collab tokens with sub, roomId, role, name, color, typ and a 10-minute default lifetime', async () => {
    const { token, expiresAt } = await signer.signCollab({ userId: 'u1', roomId: 'r1', role: 'candidate', name: 'Ann', color: '#a1b2c3' });
    const { payload, protectedHeader } = await jwtVerify(token, key, { algorithms: ['HS256'] });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toEqual({ sub: 'u1', roomId: 'r1', role: 'candidate', name: 'Ann', color: '#a1b2c3', typ: 'collab', iat: expect.any(Number), exp: expect.any(Number) });
    expect(payload.exp! - payload.iat!).toBe(600);
    expect(expiresAt).toBe(payload.exp! * 1000);
    await expect(signer.verifyAccess(token)).rejects.toMatchObject({ code: 'AUTH_UNAUTHENTICATED' });
  });

  it('signs access tokens with sub, role, typ, jti and a 15-minute lifetime', async () => {
    const a = await signer.signAccess('u2', 'admin');
    const b = await signer.signAccess('u2', 'admin');
    const claims = await signer.verifyAccess(a.token);
    expect(claims).toMatchObject({ sub: 'u2', role: 'admin', typ: 'access' });
    expect(claims.exp - claims.iat).toBe(900);
    expect(claims.jti).not.toBe((await signer.verifyAccess(b.token)).jti);
    await expect(createTokenSigner('another-secret-0123456789abcdefghij').verifyAccess(a.token)).rejects.toMatchObject({ code: 'AUTH_UNAUTHENTICATED' });
  });
});
