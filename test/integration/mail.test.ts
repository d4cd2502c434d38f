import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testMessage } from '../../src/features/admin/index.js';
import { Catalogue } from '../../src/platform/i18n/catalogue.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { composeMail } from '../../src/platform/mail/compose.js';
import { createMailer, readOutbox } from '../../src/platform/mail/mailer.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const BIN = fileURLToPath(new URL('../../bin/hrcn.js', import.meta.url));
const log = createLogger('silent');
const catalogue = new Catalogue();

let smtp: TestSmtpServer;
let database: TestDatabase;
beforeAll(async () => {
  [smtp, database] = await Promise.all([startSmtpServer(), createTestDatabase()]);
});
afterAll(async () => {
  await smtp.close();
  await database.drop();
});

describe('mail through SMTP', () => {
  it('delivers a localised message with a plain-text and an HTML part', async () => {
    const mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'Network <no-reply@example.org>',
      db: database.db,
      log,
    });
    await mailer.send(testMessage('ana@example.org', catalogue.translator('es')));
    mailer.close();
    const message = smtp.received.at(-1);
    expect(smtp.recipients.at(-1)).toEqual(['ana@example.org']);
    expect(message?.from?.text).toContain('no-reply@example.org');
    expect(message?.subject).toBe('Mensaje de prueba de la Red de Ciudades de Derechos Humanos');
    expect(message?.text).toContain('hrcn mail test');
    expect(message?.html).toContain('<html lang="es"');
    expect(await readOutbox(database.db)).toHaveLength(0);
  });

  it('escapes what it is given in the HTML part', () => {
    const mail = composeMail({
      to: 'x@example.org',
      locale: 'en',
      subject: 'Hi',
      paragraphs: ['<script>alert(1)</script> & more'],
      action: { label: 'Open', url: 'https://example.org/?a=1&b="2"' },
      footer: 'Footer',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script>alert(1)&lt;/script> &amp; more');
    expect(mail.text).toContain('<script>alert(1)</script> & more');
    expect(mail.text).toContain('Open:\nhttps://example.org/?a=1&b="2"');
  });
});

describe('mail without SMTP', () => {
  it('goes to the outbox, nothing lost', async () => {
    const mailer = createMailer({ smtpUrl: null, from: 'x <x@example.org>', db: database.db, log });
    expect(mailer.kind).toBe('outbox');
    await mailer.send(testMessage('jo@example.org', catalogue.translator('de')));
    const [kept] = await readOutbox(database.db);
    expect(kept?.recipient).toBe('jo@example.org');
    expect(kept?.subject).toBe('Testnachricht des Netzwerks der Menschenrechtsstädte');
    expect(kept?.textBody).toContain('Guten Tag,');
  });
});

describe('hrcn mail test', () => {
  it('sends a test message through SMTP_URL, in the language asked for', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-mail-'));
    await fs.chmod(dataDir, 0o755);
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [BIN, 'mail', 'test', 'lea@example.org', '--locale', 'fr'],
          {
            cwd: os.tmpdir(),
            env: { ...process.env, DATA_DIR: dataDir, SMTP_URL: smtp.url, SEED_ON_START: 'false' },
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('Message de test envoyé à lea@example.org par SMTP');
      const message = smtp.received.at(-1);
      expect(smtp.recipients.at(-1)).toEqual(['lea@example.org']);
      expect(message?.subject).toBe('Message de test du Réseau des villes des droits de l’homme');
      expect(message?.text).toContain('Bonjour,');
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
