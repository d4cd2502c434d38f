import { describe, expect, it } from 'vitest';
import { signUpFormSchema } from './access.schemas.js';
import { isCommonPassword } from './password-policy.js';

describe('password policy', () => {
  it('refuses common passwords, whatever their case', () => {
    expect(isCommonPassword('1qaz2wsx3edc')).toBe(true);
    expect(isCommonPassword('QAZWSXEDCRFV')).toBe(true);
    expect(isCommonPassword('violet tram under the bridge')).toBe(false);
  });

  it('says so in the form, with a catalogue key', () => {
    const result = signUpFormSchema.safeParse({
      name: 'A',
      email: 'a@example.org',
      password: '1qaz2wsx3edc',
      passwordConfirmation: '1qaz2wsx3edc',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(
      'account.errors.passwordCommon',
    );
  });
});
