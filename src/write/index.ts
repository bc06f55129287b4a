/**
 * Stage 6, write: finished article envelopes → files. Writers read envelopes only, never the
 * syntax tree: envelope.ts (JSON text, with or without spans), jsonl.ts (JSON Lines, compressed
 * or not, cut back to a checkpoint), names.ts (safe, unique file names), atomic.ts (atomic writes
 * that never follow a planted symlink). The run (src/run/) decides what goes where.
 * Emits: write/failed (through the run).
 */
export { serialiseArticle, toJson, type EnvelopeStyle } from './envelope.js';
export { JsonlFile, COMPRESSED_EXTENSION, type Compression } from './jsonl.js';
export { FolderNames, safeStem, RESERVED_NAMES, MAX_NAME_BYTES } from './names.js';
export { writeFileAtomic, makeFolder, describeWriteError } from './atomic.js';
