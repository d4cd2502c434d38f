import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash);
    expect(await verifyPassword('anything', 'garbage')).toBe(false);
  });

  it('treats canonically equivalent Unicode as the same password (NFKC)', async () => {
    const hash = await hashPassword('Ångström');
    expect(await verifyPassword('A\u030Angstro\u0308m', hash)).toBe(true);
  });
});
