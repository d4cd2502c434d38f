/**
 * The text of a document, for search: each file is read in its own worker thread with a memory
 * limit and a time limit, so that no document can stall or exhaust the web server.
 */
import { Worker } from 'node:worker_threads';

export type ExtractableKind = 'pdf' | 'docx' | 'odt';

export interface ExtractionInput {
  kind: ExtractableKind;
  data: Uint8Array;
  /** Text beyond this many characters is left out. */
  maxChars: number;
}

/** Why a document's text could not be read. */
export type ExtractionFailure = 'encrypted' | 'unreadable' | 'timeout' | 'too-large';

export type ExtractionOutcome =
  { ok: true; text: string } | { ok: false; reason: ExtractionFailure };

export interface ExtractionLimits {
  timeoutMs: number;
  /** Heap of the worker thread. */
  memoryMb: number;
  maxChars: number;
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
  timeoutMs: 60_000,
  memoryMb: 256,
  maxChars: 500_000,
};

// Compiled (dist/), the worker starts on its own module; from sources (tests, scripts), through a
// bootstrap that registers the TypeScript loader first.
const COMPILED = import.meta.url.endsWith('.js');
const BOOTSTRAP = COMPILED
  ? new URL('./text-extraction.worker.js', import.meta.url)
  : new URL('../../../bin/ts-worker.js', import.meta.url);
const MODULE = new URL('./text-extraction.worker.ts', import.meta.url).href;

/** Reads the text of one document; never throws for a bad document, it says why instead. */
export function extractText(
  kind: ExtractableKind,
  data: Uint8Array,
  limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS,
): Promise<ExtractionOutcome> {
  const input: ExtractionInput = { kind, data, maxChars: limits.maxChars };
  return new Promise((resolve) => {
    const worker = new Worker(BOOTSTRAP, {
      workerData: { module: MODULE, input },
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      stdout: true,
      stderr: true,
    });
    // Whatever a library prints in the worker is dropped, not mixed into the server's log.
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const settle = (outcome: ExtractionOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ ok: false, reason: 'timeout' }), limits.timeoutMs);
    worker.on('message', (outcome: ExtractionOutcome) => settle(outcome));
    worker.on('error', (error: Error & { code?: string }) =>
      settle({
        ok: false,
        reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too-large' : 'unreadable',
      }),
    );
    worker.on('exit', () => settle({ ok: false, reason: 'unreadable' }));
  });
}
