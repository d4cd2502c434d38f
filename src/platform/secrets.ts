/**
 * Secrets generated on first start and kept in the data directory (mode 0600), so that a new
 * installation needs no set-up and no secret is ever a default shipped with the code.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const secretsSchema = z.object({
  /** Signs session and CSRF cookies. */
  sessionSecret: z.string().min(32),
  /** Password of the embedded database's superuser. */
  databasePassword: z.string().min(16),
});

export type Secrets = z.infer<typeof secretsSchema>;

function generate(): Secrets {
  return {
    sessionSecret: randomBytes(32).toString('base64url'),
    databasePassword: randomBytes(24).toString('base64url'),
  };
}

/** Reads `<dataDir>/secrets.json`, creating it (or the missing entries) on first use. */
export async function loadSecrets(dataDir: string): Promise<Secrets> {
  const file = path.join(dataDir, 'secrets.json');
  await fs.mkdir(dataDir, { recursive: true });
  const existing = await fs.readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as unknown,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return {};
      throw error;
    },
  );
  const merged = { ...generate(), ...(typeof existing === 'object' ? existing : {}) };
  const secrets = secretsSchema.parse(merged);
  if (JSON.stringify(secrets) !== JSON.stringify(existing)) {
    const temporary = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temporary, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    await fs.rename(temporary, file);
  }
  return secrets;
}

/**
 * Keeps `sessionSecret` in `<dataDir>/secrets.json` (a restore brings the secret the archive's
 * two-factor keys are encrypted with); the other secrets stay as they are.
 */
export async function saveSessionSecret(dataDir: string, sessionSecret: string): Promise<void> {
  const current = await loadSecrets(dataDir);
  if (current.sessionSecret === sessionSecret) return;
  const file = path.join(dataDir, 'secrets.json');
  const temporary = `${file}.${process.pid}.tmp`;
  const secrets = secretsSchema.parse({ ...current, sessionSecret });
  await fs.writeFile(temporary, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  await fs.rename(temporary, file);
}

/** A new secret for a link (256 bits, URL-safe): what a confirmation or invitation e-mail carries. */
export const newLinkToken = (): string => randomBytes(32).toString('base64url');

/** SHA-256 of a link's token: what the database keeps, so that a copy of it opens nothing. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
