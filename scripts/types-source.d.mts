/** @returns the TypeScript source for src/types/generated/records.ts */
export function generateTypes(): Promise<string>;
