/** @returns the text of docs/records.md, generated from schemas/ */
export function renderRecordsDoc(): string;
