/** Form schemas of the access module. Error messages are catalogue keys, shown localised. */
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 12;

export const setupFormSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'setup.errors.nameRequired')
      .max(200, 'setup.errors.nameTooLong'),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email('setup.errors.emailInvalid').max(254, 'setup.errors.emailInvalid')),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, 'setup.errors.passwordTooShort')
      .max(1024, 'setup.errors.passwordTooLong'),
    passwordConfirmation: z.string(),
  })
  .refine((form) => form.password === form.passwordConfirmation, {
    path: ['passwordConfirmation'],
    message: 'setup.errors.passwordMismatch',
  });

export type SetupForm = z.infer<typeof setupFormSchema>;
export type SetupField = keyof SetupForm;
