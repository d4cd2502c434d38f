import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has defaults that run on a fresh machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: 'localhost',
      publicUrl: 'http://localhost:3000',
      dataDir: path.resolve('data'),
      filesDir: path.resolve('data', 'files'),
      uploadMaxBytes: 20_000_000,
      databaseUrl: null,
      smtpUrl: null,
      mailFrom: 'Human Rights Cities Network <no-reply@localhost>',
      logLevel: 'info',
      trustProxy: false,
      metricsToken: null,
      renderCacheBytes: 64 * 1024 * 1024,
      renderConcurrency: 6,
      seedOnStart: true,
      inboundSmtp: null,
      replyDomain: null,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://cities.example.org/',
      DATA_DIR: '/var/lib/hrcn',
      DATABASE_URL: 'postgres://u:p@db:5432/hrcn',
      DATABASE_POOL_MAX: '20',
      SESSION_SECRET: 'x'.repeat(32),
      LOG_LEVEL: 'debug',
      SMTP_URL: 'smtps://user:pass@mail.example.org:465',
      MAIL_FROM: 'Network <network@example.org>',
      TRUST_PROXY: 'true',
      RENDER_CACHE_MB: '0',
      RENDER_CONCURRENCY: '12',
      SEED_ON_START: 'no',
      UPLOAD_MAX_MB: '50',
      INBOUND_SMTP_PORT: '2525',
      INBOUND_SMTP_HOST: '0.0.0.0',
      REPLY_DOMAIN: 'reply.example.org',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      publicUrl: 'https://cities.example.org',
      dataDir: '/var/lib/hrcn',
      filesDir: '/var/lib/hrcn/files',
      uploadMaxBytes: 50_000_000,
      databaseUrl: 'postgres://u:p@db:5432/hrcn',
      databasePoolMax: 20,
      sessionSecret: 'x'.repeat(32),
      logLevel: 'debug',
      smtpUrl: 'smtps://user:pass@mail.example.org:465',
      mailFrom: 'Network <network@example.org>',
      trustProxy: true,
      renderCacheBytes: 0,
      renderConcurrency: 12,
      seedOnStart: false,
      inboundSmtp: { host: '0.0.0.0', port: 2525 },
      replyDomain: 'reply.example.org',
    });
  });

  it('names every invalid variable and what is wrong', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SESSION_SECRET: 'short',
        LOG_LEVEL: 'loud',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'SESSION_SECRET', 'LOG_LEVEL'])
        expect(message).toContain(name);
      expect(message).toContain('at least 32 characters');
      expect(message).toContain('"eighty"');
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({
      port: 3000,
      databaseUrl: null,
    });
  });

  it('keeps files in DATA_DIR/files unless FILES_URL names a bucket', () => {
    expect(loadConfig({ DATA_DIR: '/srv/hrcn' }).files).toEqual({
      kind: 'local',
      directory: '/srv/hrcn/files',
    });
    expect(
      loadConfig({
        FILES_URL:
          's3://hrcn-files?endpoint=https://s3.example.org/&region=eu-west-1&path_style=true&prefix=/site/',
        FILES_S3_ACCESS_KEY_ID: 'key',
        FILES_S3_SECRET_ACCESS_KEY: 'secret',
      }).files,
    ).toEqual({
      kind: 's3',
      s3: {
        bucket: 'hrcn-files',
        endpoint: 'https://s3.example.org',
        region: 'eu-west-1',
        pathStyle: true,
        prefix: 'site/',
        credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      },
    });
    // Amazon S3 itself, with the SDK's own credentials (AWS_* variables, profile, role).
    expect(loadConfig({ FILES_URL: 's3://hrcn-files' }).files).toEqual({
      kind: 's3',
      s3: {
        bucket: 'hrcn-files',
        endpoint: null,
        region: 'us-east-1',
        pathStyle: false,
        prefix: '',
        credentials: null,
      },
    });
  });

  it('names what is wrong in FILES_URL and its credentials, never repeating a secret', () => {
    const problem = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(problem({ FILES_URL: 'https://s3.example.org/hrcn-files' })).toContain(
      'FILES_URL: must look like s3://BUCKET',
    );
    expect(problem({ FILES_URL: 's3://hrcn-files/site' })).toContain('given as ?prefix=');
    expect(problem({ FILES_URL: 's3://hrcn-files?endpiont=https://x.org' })).toContain(
      'unknown parameter "endpiont"',
    );
    expect(problem({ FILES_URL: 's3://hrcn-files?endpoint=s3.example.org' })).toContain(
      'endpoint must be an http:// or https:// address',
    );
    expect(problem({ FILES_URL: 's3://hrcn-files?path_style=maybe' })).toContain(
      'path_style must be true or false',
    );
    const inUrl = problem({ FILES_URL: 's3://key:sEcReT@hrcn-files' });
    expect(inUrl).toContain('FILES_URL: holds credentials');
    expect(inUrl).not.toContain('sEcReT');
    const half = problem({ FILES_URL: 's3://hrcn-files', FILES_S3_SECRET_ACCESS_KEY: 'sEcReT' });
    expect(half).toContain('FILES_S3_ACCESS_KEY_ID: must be set with FILES_S3_SECRET_ACCESS_KEY');
    expect(half).not.toContain('sEcReT');
    expect(problem({ FILES_S3_ACCESS_KEY_ID: 'key', FILES_S3_SECRET_ACCESS_KEY: 'x' })).toContain(
      'FILES_URL: must name the bucket',
    );
  });
});
