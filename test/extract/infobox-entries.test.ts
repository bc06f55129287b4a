import { describe, expect, it } from 'vitest';
import { readInfoboxEntries } from '../../src/extract/infobox-entries.js';

describe('readInfoboxEntries', () => {
  it('should read one entry per <br> line, each with its link', () => {
    expect(readInfoboxEntries('[[US Lecce|Lecce]]<br />[[Treviso FBC 1993|Treviso]]<br/>[[Juventus FC|Juventus]]', false)).toEqual([
      { name: 'Lecce', link: 'US Lecce', raw: '[[US Lecce|Lecce]]' },
      { name: 'Treviso', link: 'Treviso FBC 1993', raw: '[[Treviso FBC 1993|Treviso]]' },
      { name: 'Juventus', link: 'Juventus FC', raw: '[[Juventus FC|Juventus]]' },
    ]);
  });

  it('should make a title count on its own line the note of the winner above it', () => {
    expect(readInfoboxEntries('[[Inter Milan]]<br/ >14th title', false)).toEqual([{ name: 'Inter Milan', link: 'Inter Milan', note: '14th title', raw: '[[Inter Milan]]\n14th title' }]);
    expect(readInfoboxEntries('[[FC Red Bull Salzburg|Red Bull Salzburg]]<br>(13th title)', false)[0]?.note).toBe('13th title');
    expect(readInfoboxEntries('[[FC Bayern Munich|Bayern Munich]]<br>29th Bundesliga title<br>30th [[List of German football champions|German title]]', false)).toEqual([
      {
        name: 'Bayern Munich',
        link: 'FC Bayern Munich',
        note: '29th Bundesliga title; 30th German title',
        raw: '[[FC Bayern Munich|Bayern Munich]]\n29th Bundesliga title\n30th [[List of German football champions|German title]]',
      },
    ]);
  });

  it('should read a top scorer\'s goals from the note, on its line or after the name', () => {
    expect(readInfoboxEntries('[[Luca Toni]] <br /><small>(31 goals)</small>', true)).toEqual([{ name: 'Luca Toni', link: 'Luca Toni', note: '31 goals', goals: 31, raw: '[[Luca Toni]]\n<small>(31 goals)</small>' }]);
    expect(readInfoboxEntries('[[Ali El-Khatib]] (4)', true)).toEqual([{ name: 'Ali El-Khatib', link: 'Ali El-Khatib', note: '4', goals: 4, raw: '[[Ali El-Khatib]] (4)' }]);
  });

  it('should read the items of {{ubl}} and {{plainlist}}, and bulleted lines', () => {
    expect(readInfoboxEntries('{{ubl|[[Alpha FC|Alpha]]|[[Beta]] (via play-off)}}', false)).toEqual([
      { name: 'Alpha', link: 'Alpha FC', raw: '[[Alpha FC|Alpha]]' },
      { name: 'Beta', link: 'Beta', note: 'via play-off', raw: '[[Beta]] (via play-off)' },
    ]);
    expect(readInfoboxEntries('{{plainlist|\n* [[Gamma]]\n* Delta\n}}', false).map((e) => e.name)).toEqual(['Gamma', 'Delta']);
    expect(readInfoboxEntries('* [[Gamma]]\n* [[Delta]]', false).map((e) => e.link)).toEqual(['Gamma', 'Delta']);
  });

  it('should drop comments and keep an entry with no link as plain text', () => {
    expect(readInfoboxEntries('[[FC Red Bull Salzburg|Red Bull Salzburg]]<!--<br>[[LASK Linz]]-->', false).map((e) => e.name)).toEqual(['Red Bull Salzburg']);
    expect(readInfoboxEntries('Sport Ancash', false)).toEqual([{ name: 'Sport Ancash', raw: 'Sport Ancash' }]);
  });

  it('should give no entry for a remark in italics, such as a title withheld', () => {
    expect(readInfoboxEntries("''unattributed''", false)).toEqual([]);
  });
});
