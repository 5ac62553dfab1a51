import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentType } from './document-format.js';
import { documentText } from './document-text.js';

/** The worker thread of text-extraction.ts: reads one document's text and posts it back. */
const { type, bytes } = workerData as { type: DocumentType; bytes: Uint8Array };
parentPort!.postMessage(documentText(type, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
