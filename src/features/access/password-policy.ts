/**
 * Passwords: at least 12 characters and not one of the ~49,000 most common passwords (the list
 * that @zxcvbn-ts/language-common ships). Paste and password managers are always allowed.
 */
import { createRequire } from 'node:module';
import type * as CommonWords from '@zxcvbn-ts/language-common';

// The list (2.5 MB of heap) is loaded on the first password checked, not with the server.
const load = createRequire(import.meta.url);

let common: ReadonlySet<string> | undefined;

/** True when the password is on the list of common passwords (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    (
      (load('@zxcvbn-ts/language-common') as typeof CommonWords).dictionary[
        'passwords-common'
      ] as readonly string[]
    ).map((entry) => entry.toLowerCase()),
  );
  return common.has(password.toLowerCase());
}
