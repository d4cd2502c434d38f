/**
 * Passwords: at least 12 characters and not one of the ~49,000 most common passwords (the list
 * that @zxcvbn-ts/language-common ships). Paste and password managers are always allowed.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

let common: ReadonlySet<string> | undefined;

/** True when the password is on the list of common passwords (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    (dictionary['passwords-common'] as readonly string[]).map((entry) => entry.toLowerCase()),
  );
  return common.has(password.toLowerCase());
}
