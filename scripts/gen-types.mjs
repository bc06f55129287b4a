// Regenerates src/types/generated/records.ts from schemas/ (the source of truth), after copying the
// diagnostic codes of src/diagnostics/codes.ts into schemas/diagnostic.schema.json.
// `npm run gen:types` writes it; test/types-sync.test.ts calls generateTypes() and compares.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateTypes } from './types-source.mjs';

// The code enum of diagnostic.schema.json follows src/diagnostics/codes.ts (a test checks both).
const codesFile = fileURLToPath(new URL('../src/diagnostics/codes.ts', import.meta.url));
const schemaFile = fileURLToPath(new URL('../schemas/diagnostic.schema.json', import.meta.url));
const codes = [...readFileSync(codesFile, 'utf8').matchAll(/^  '([a-z]+\/[a-z0-9-]+)':/gm)].map((m) => m[1]);
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
schema.properties.code.enum = codes;
writeFileSync(schemaFile, `${JSON.stringify(schema, null, 2)}\n`);

const target = fileURLToPath(new URL('../src/types/generated/records.ts', import.meta.url));
writeFileSync(target, await generateTypes());
console.log(`wrote ${target}`);
