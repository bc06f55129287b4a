// Regenerates src/types/generated/records.ts from schemas/ (the source of truth).
// `npm run gen:types` writes it; test/types-sync.test.ts calls generateTypes() and compares.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateTypes } from './types-source.mjs';

const target = fileURLToPath(new URL('../src/types/generated/records.ts', import.meta.url));
writeFileSync(target, await generateTypes());
console.log(`wrote ${target}`);
