#!/usr/bin/env node
// Compiles src/ into dist/ (esbuild, one file per file, no bundle) and copies what the code reads
// beside itself (migrations, assets). The install runs it (npm's `prepare`); bin/hrcn.js runs it
// again when a source is newer than the build, so a stale build is never served
// (docs/decisions/0016). Types are checked by `npm run typecheck`, not here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.built');
/** Folders whose files the code reads at run time, relative to its own module. */
const COPIED = ['platform/db/migrations', 'ui/assets'];

function sources(dir = SRC) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : [full];
  });
}

const compiled = (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file);

/** The newest change under src/ and the list of files: a build is current when both match. */
function fingerprint(files) {
  const newest = Math.max(0, ...files.map((file) => fs.statSync(file).mtimeMs));
  return `${newest} ${files.length}`;
}

/** True when dist/ was built from the sources as they are now. */
export function isCurrent() {
  try {
    return fs.readFileSync(STAMP, 'utf8') === fingerprint(sources());
  } catch {
    return false;
  }
}

export async function build() {
  const { build: esbuild, stop } = await import('esbuild');
  const files = sources();
  const stampBefore = fingerprint(files);
  fs.rmSync(DIST, { recursive: true, force: true });
  await esbuild({
    entryPoints: files.filter(compiled),
    outdir: DIST,
    outbase: SRC,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: '@kitajs/html',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const folder of COPIED)
    fs.cpSync(path.join(SRC, folder), path.join(DIST, folder), { recursive: true });
  fs.writeFileSync(STAMP, stampBefore);
  // esbuild's service process would otherwise live as long as the server (130 MB).
  await stop();
}

const LOCK = path.join(ROOT, '.build.lock');

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Builds unless dist/ is current; of several processes starting at once, one builds. */
export async function ensureBuilt() {
  while (!isCurrent()) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
    } catch {
      let owner = 0;
      try {
        owner = Number(fs.readFileSync(LOCK, 'utf8'));
      } catch {
        // released meanwhile
      }
      if (owner > 0 && !alive(owner)) fs.rmSync(LOCK, { force: true }); // left by a dead build
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      if (!isCurrent()) await build();
    } finally {
      fs.rmSync(LOCK, { force: true });
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const started = performance.now();
  await build();
  console.log(`Built dist/ in ${Math.round(performance.now() - started)} ms.`);
}
