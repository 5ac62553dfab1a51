import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentType } from './document-format.js';

/**
 * The text of an uploaded document (document-text.ts), read in a worker thread with a time and a memory
 * limit: a hostile or broken file (a PDF built to make the parser loop, a stream that inflates without
 * end) costs at most `timeoutMs` of one thread and `maxHeapMb` of its heap, never the process that
 * serves pages or runs the other jobs. The worker ends after each document, so nothing it allocated stays.
 */
export interface ExtractionLimits {
  /** The worker is stopped after this long. */
  timeoutMs: number;
  /** Its V8 heap (old generation); more ends it with ERR_WORKER_OUT_OF_MEMORY. */
  maxHeapMb: number;
}

export const defaultExtractionLimits: ExtractionLimits = { timeoutMs: 20_000, maxHeapMb: 256 };

export type ExtractionResult = { ok: true; text: string } | { ok: false; reason: 'timeout' | 'memory' | 'failed' };

/** Where the worker's code is: beside this file, as JavaScript once built, as TypeScript from source (tsx, Vitest). */
function startWorker(options: ConstructorParameters<typeof Worker>[1]): Worker {
  const self = import.meta.url;
  if (!/\.ts$/.test(self)) return new Worker(new URL('./text-extraction.worker.js', self), options);
  // From source the thread compiles its TypeScript itself, through tsx's API (module hooks do not reach workers on Node 20).
  const tsx = pathToFileURL(
    createRequire(self)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL('./text-extraction.worker.ts', self).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(self)}))`, {
    ...options,
    eval: true,
  });
}

export function extractDocumentText(type: DocumentType, bytes: Uint8Array, limits: ExtractionLimits = defaultExtractionLimits): Promise<ExtractionResult> {
  // A copy of its own, handed over to the thread without another copy.
  const copy = new Uint8Array(bytes);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: ExtractionResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const worker = startWorker({
      workerData: { type, bytes: copy },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: Math.min(32, limits.maxHeapMb), stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => settle({ ok: false, reason: 'timeout' }), limits.timeoutMs);
    worker.on('message', (text: unknown) => settle(typeof text === 'string' ? { ok: true, text } : { ok: false, reason: 'failed' }));
    worker.on('error', (error: NodeJS.ErrnoException) => settle({ ok: false, reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'failed' }));
    worker.on('exit', () => settle({ ok: false, reason: 'failed' }));
  });
}
