import { describe, expect, it } from 'vitest';
import { clubNameCore, mayNameOneClub, pageTitleKey, relateTitles } from '../../src/extract/club-names.js';

describe('pageTitleKey', () => {
  it('should compare titles as MediaWiki does: first letter, underscores, anchors', () => {
    expect(pageTitleKey('caracas_FC#History')).toBe('Caracas FC');
    expect(pageTitleKey('  Caracas   FC ')).toBe('Caracas FC');
  });

  it('should decode %xx, drop a leading colon, odd spaces and direction marks', () => {
    expect(pageTitleKey('Estudiantes%20de%20M%C3%A9rida')).toBe('Estudiantes de Mérida');
    expect(pageTitleKey(':Foo\u00a0\u200ebar')).toBe('Foo bar');
    expect(pageTitleKey('100%_Foo')).toBe('100% Foo');
  });

  it('should upper-case only the first letter, outside the Basic Latin range too', () => {
    expect(pageTitleKey('élan_Béarnais')).toBe('Élan Béarnais');
    expect(pageTitleKey('fC Köln')).toBe('FC Köln');
  });
});

describe('clubNameCore', () => {
  it('should drop legal forms at either end, with or without dots', () => {
    expect(clubNameCore('Caracas FC')).toBe('caracas');
    expect(clubNameCore('Caracas F.C.')).toBe('caracas');
    expect(clubNameCore('Caracas Fútbol Club')).toBe('caracas');
    expect(clubNameCore('Estudiantes de Mérida Fútbol Club')).toBe('estudiantes de merida');
    expect(clubNameCore('Club de Fútbol Monterrey')).toBe('monterrey');
    expect(clubNameCore('Real Madrid CF')).toBe('real madrid');
  });

  it('should drop designators of other languages', () => {
    expect(clubNameCore('Reggina Calcio')).toBe('reggina');
    expect(clubNameCore('SSC Napoli')).toBe('napoli');
    expect(clubNameCore('1. FC Köln')).toBe('koln');
    expect(clubNameCore('Borussia Dortmund GmbH & Co. KGaA')).toBe('borussia dortmund');
    expect(clubNameCore('Galatasaray S.K.')).toBe('galatasaray');
    expect(clubNameCore('Vejle Boldklub')).toBe('vejle');
    expect(clubNameCore('GNK Dinamo Zagreb')).toBe('dinamo zagreb');
    expect(clubNameCore('Sporting CP')).toBe('sporting');
    expect(clubNameCore('CR Flamengo')).toBe('flamengo');
  });

  it('should drop a founding year, but keep a year-like name alone', () => {
    expect(clubNameCore('Ascoli Calcio 1898 FC')).toBe('ascoli');
    expect(clubNameCore('Reggina 1914')).toBe('reggina');
    expect(clubNameCore('FC')).toBe('fc');
  });

  it('should keep the words that make another team of the club', () => {
    expect(clubNameCore('Real Madrid Castilla')).toBe('real madrid castilla');
    expect(clubNameCore('Sevilla Atlético')).toBe('sevilla atletico');
    expect(clubNameCore('Arsenal W.F.C.')).toBe('arsenal wfc');
    expect(clubNameCore('Bayern Munich II')).toBe('bayern munich ii');
  });

  it('should not drop a designator in the middle of a name', () => {
    expect(clubNameCore('Deportivo Club Olimpia')).toBe('deportivo club olimpia');
  });
});

describe('relateTitles', () => {
  it('should tell the same page, a redirect and a legal form apart', () => {
    expect(relateTitles('caracas_FC', 'Caracas FC#Honours')).toBe('same');
    expect(relateTitles('Caracas FC', 'Caracas Fútbol Club')).toBe('legal-form');
    expect(relateTitles('Old name', 'New name', new Map([['Old name', 'New name']]))).toBe('redirect');
    expect(relateTitles('Ascoli Calcio 1898 FC', 'Ascoli Picchio FC 1898', new Map([['Ascoli Picchio FC 1898', 'Ascoli Calcio 1898 FC']]))).toBe('redirect');
  });

  it('should not join a name with a longer one without a redirect (Milan is in Inter Milan too)', () => {
    expect(relateTitles('Ascoli Calcio 1898 FC', 'Ascoli Picchio FC 1898')).toBeUndefined();
    expect(relateTitles('A.C. Milan', 'Inter Milan')).toBeUndefined();
  });

  it('should leave really different pages unrelated', () => {
    expect(relateTitles('Real Madrid CF', 'Real Madrid Castilla')).toBeUndefined();
    expect(relateTitles('Hapoel Tel Aviv F.C.', 'Hapoel Tel Aviv B.C.')).toBeUndefined();
    expect(relateTitles('Arsenal F.C.', 'Arsenal W.F.C.')).toBeUndefined();
    expect(relateTitles('Real Madrid CF', 'Real Betis')).toBeUndefined();
    expect(relateTitles('Manchester United F.C.', 'Manchester City F.C.')).toBeUndefined();
  });
});

describe('mayNameOneClub', () => {
  // Pairs of link titles of one team in real articles (2005–06 Serie A, 2016–17 Toto Cup Leumit,
  // 2017 Chinese Women's Super League), where one page is a redirect to the other, and pairs that name two teams.
  it.each([
    ['Ascoli Calcio 1898 FC', 'Ascoli Picchio FC 1898'],
    ['Hapoel Nir Ramat HaSharon F.C.', 'Hapoel Ramat HaSharon F.C.'],
    ['Hapoel Ramat Gan Givatayim F.C.', 'Hapoel Ramat Gan F.C.'],
    ['河北女足', '河北华夏幸福女子足球俱乐部'],
    // The limit: only redirects tell these apart.
    ['A.C. Milan', 'Inter Milan'],
  ])('should take %s and %s as names that may be one club', (a, b) => {
    expect(mayNameOneClub(a, b)).toBe(true);
    expect(mayNameOneClub(b, a)).toBe(true);
  });

  it.each([
    ['Real Madrid CF', 'Real Madrid Castilla'],
    ['Caracas FC', 'Caracas FC B'],
    ['Arsenal F.C.', 'Arsenal W.F.C. Women'],
    ['Juventus FC', 'Juventus FC U23'],
    ['Argentina national football team', 'Argentina national under-20 football team'],
    ['Club Atlético Peñarol', 'Club Atlético Peñarol Sub-20'],
    ['FK Partizan', 'FK Partizan U-19'],
    ['FC Barcelona', 'FC Barcelona Femení'],
    ['北京国安', '北京国安女足'],
    ['Deportivo Táchira FC', 'Zamora FC'],
    ['Hapoel Haifa F.C.', 'Hapoel Tel Aviv F.C.'],
    ['北京国安', '北京人和'],
    ['FC', 'SC'],
  ])('should take %s and %s as two teams', (a, b) => {
    expect(mayNameOneClub(a, b)).toBe(false);
    expect(mayNameOneClub(b, a)).toBe(false);
  });
});
