import { describe, expect, it } from 'vitest';
import { createContext } from '../src/diagnostics/diagnostic.js';
import { extract } from '../src/index.js';
import { validateRecords } from '../src/validate/index.js';
import type { StandingsRecord } from '../src/types/index.js';

describe('validateRecords', () => {
  it('should report a record that breaks its schema, with the JSON pointer of the field', () => {
    const good = extract('{{#invoke:Sports table|main|team1=A|name_A=A|win_A=1}}').standings[0] as StandingsRecord;
    const bad = { ...good, teams: [{ ...good.teams[0], rank: 0 }] } as StandingsRecord;
    const context = createContext('x.wiki');
    validateRecords({ infoboxes: [], standings: [bad], matchGrids: [], tables: [], brackets: [], ties: [], matches: [] }, context);
    expect(context.diagnostics).toHaveLength(1);
    expect(context.diagnostics[0]).toMatchObject({ code: 'validate/schema', severity: 'error', recordId: 'standings/1' });
    expect(context.diagnostics[0]?.message).toContain('/teams/0/rank');
  });
});
