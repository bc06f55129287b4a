/**
 * Knockout checks: each bracket against itself (aggregates against legs, who went through, a team
 * twice in a round), the final's winner against the infobox, and match boxes and tie tables
 * against the bracket for the same tie. Teams are compared by identity: link target, then name,
 * then name without diacritics and case (a spelling variant is an info note, not an error).
 * Emits: check/aggregate-mismatch, check/bracket-wrong-slot, check/bracket-duplicate-team,
 * check/bracket-not-knockout, check/infobox-winner-mismatch, check/team-name-variant,
 * check/knockout-score-mismatch.
 */
import type { Extracted } from '../extract/index.js';
import { sameTeam, withoutQualifier, type TeamMention } from '../extract/team-identity.js';
import type { BracketRecord, BracketRound, BracketSlot, Figure, InfoboxRecord, MatchRecord, StageContext } from '../types/index.js';
import { readTieBreak, type TieBreak } from './tie-break.js';

/**
 * Runs every knockout check of an article.
 * @param records the article's records
 * @param context diagnostics sink
 */
export function checkKnockouts(records: Extracted, context: StageContext): void {
  for (const bracket of records.brackets) {
    for (const round of bracket.rounds) checkRound(bracket, round, context);
    checkAdvancement(bracket, context);
  }
  const final = records.brackets.length === 0 ? undefined : finalWinner(records.brackets[records.brackets.length - 1] as BracketRecord);
  const infobox = records.infoboxes.find((i) => i.season?.winners !== undefined || i.season?.champions !== undefined);
  if (final !== undefined && infobox !== undefined) checkInfoboxWinner(infobox, final, context);
  checkOtherSources(records, context);
}

function checkRound(bracket: BracketRecord, round: BracketRound, context: StageContext): void {
  if (!round.knockout) {
    context.report({
      code: 'check/bracket-not-knockout',
      stage: 'check',
      message: `Unexpected round label "${round.label?.text ?? ''}" in a knockout bracket, expected a knockout round; its pairings are checked loosely`,
      param: `RD${round.round}`,
      span: round.label?.span ?? bracket.span,
      recordId: bracket.id,
    });
  }
  const seen: BracketSlot[] = [];
  for (const slot of round.slots) {
    if (slot.team === undefined) continue;
    const twin = seen.find((s) => sameTeam(s, slot) !== undefined);
    if (twin !== undefined) {
      context.report({
        code: 'check/bracket-duplicate-team',
        stage: 'check',
        message: `Unexpected ${slot.team.text} in slot ${slot.slot} of round ${round.round}, expected each team once per round; it is already in slot ${twin.slot}`,
        param: slot.team.param,
        span: slot.team.span,
        recordId: bracket.id,
        related: twin.team === undefined ? [] : [{ message: `slot ${twin.slot}`, span: twin.team.span }],
      });
    }
    seen.push(slot);
    checkAggregate(bracket, slot, context);
  }
}

function checkAggregate(bracket: BracketRecord, slot: BracketSlot, context: StageContext): void {
  const agg = slot.aggregate;
  const legs = slot.scores;
  if (agg?.value === undefined || legs.length < 2 || legs.some((l) => l.value === undefined)) return;
  const sum = legs.reduce((n, l) => n + (l.value ?? 0), 0);
  if (sum === agg.value) return;
  context.report({
    code: 'check/aggregate-mismatch',
    stage: 'check',
    message: `Unexpected aggregate ${agg.value} for ${slot.team?.text ?? `slot ${slot.slot}`}, expected ${sum}, the sum of its legs`,
    param: agg.param,
    span: agg.span,
    declared: agg.value,
    computed: sum,
    recordId: bracket.id,
    related: legs.map((l) => ({ message: `\`${l.param}=${l.raw}\``, span: l.span })),
  });
}

/** The team in slot k of round n+1 must come from tie k of round n (from round n at all, when loose). */
function checkAdvancement(bracket: BracketRecord, context: StageContext): void {
  for (let i = 0; i + 1 < bracket.rounds.length; i++) {
    const round = bracket.rounds[i] as BracketRound;
    const next = bracket.rounds[i + 1] as BracketRound;
    for (const tie of round.ties) {
      const slot = next.slots[tie.tie - 1];
      if (slot?.team === undefined) continue;
      const feeders = tie.slots.map((s) => round.slots[s - 1]).filter((s): s is BracketSlot => s?.team !== undefined);
      if (feeders.length === 0 || feeders.some((f) => sameTeam(f, slot) !== undefined)) continue;
      const strict = round.knockout && next.knockout;
      if (!strict && round.slots.some((s) => s.team !== undefined && sameTeam(s, slot) !== undefined)) continue;
      context.report({
        code: 'check/bracket-wrong-slot',
        stage: 'check',
        message: strict
          ? `Unexpected ${slot.team.text} in slot ${slot.slot} of round ${next.round}, expected the winner of tie ${tie.tie} of round ${round.round} (${feeders.map((f) => f.team?.text).join(' or ')})`
          : `Unexpected ${slot.team.text} in round ${next.round}, expected a team that played in round ${round.round}`,
        param: slot.team.param,
        span: slot.team.span,
        recordId: bracket.id,
        related: feeders.map((f) => ({ message: `round ${round.round}, slot ${f.slot}: ${f.team?.text ?? ''}`, span: f.team?.span ?? bracket.span })),
      });
    }
  }
}

interface Winner {
  slot: BracketSlot;
  how: string;
  bracket: BracketRecord;
}

/**
 * The final's winner: the bold team, else the higher aggregate or score, else (level) the one the
 * marks after the goals put through: more shoot-out goals (`1 (4)` v `1 (3)`), or away goals
 * (`2 (a)`), since no later round says. The final is slots 1–2 of the last round (slots 3–4 there
 * are a third-place match).
 */
function finalWinner(bracket: BracketRecord): Winner | undefined {
  const last = bracket.rounds[bracket.rounds.length - 1];
  const pair = last?.slots.slice(0, 2).filter((s) => s.team !== undefined) ?? [];
  const [a, b] = pair;
  if (pair.length !== 2 || a === undefined || b === undefined) return undefined;
  const bold = pair.filter((s) => s.bold === true);
  if (bold.length === 1 && bold[0] !== undefined) return { slot: bold[0], how: 'marked in bold', bracket };
  const total = (s: BracketSlot): number | undefined =>
    s.aggregate?.value ?? (s.scores.every((f) => f.value !== undefined) && s.scores.length > 0 ? s.scores.reduce((n, f) => n + (f.value ?? 0), 0) : undefined);
  const [x, y] = [total(a), total(b)];
  if (x === undefined || y === undefined) return undefined;
  if (x !== y) return { slot: x > y ? a : b, how: `${x}–${y} in the last round`, bracket };
  // Level: the marks are written on the aggregate or on the last leg played.
  const marks = (s: BracketSlot): TieBreak => {
    const [onAggregate, onLeg] = [readTieBreak(s.aggregate?.raw ?? ''), readTieBreak(s.scores[s.scores.length - 1]?.raw ?? '')];
    const penalties = onAggregate.penalties ?? onLeg.penalties;
    return { ...(penalties === undefined ? {} : { penalties }), ...(onAggregate.awayGoals ?? onLeg.awayGoals ? { awayGoals: true as const } : {}) };
  };
  const [p, q] = [marks(a), marks(b)];
  if (p.penalties !== undefined && q.penalties !== undefined && p.penalties !== q.penalties) {
    return { slot: p.penalties > q.penalties ? a : b, how: `${x}–${y}, ${p.penalties}–${q.penalties} on penalties`, bracket };
  }
  if ((p.awayGoals === true) !== (q.awayGoals === true)) return { slot: p.awayGoals === true ? a : b, how: `${x}–${y}, on away goals`, bracket };
  return undefined;
}

function checkInfoboxWinner(infobox: InfoboxRecord, final: Winner, context: StageContext): void {
  const field = infobox.fields.find((f) => f.param === 'winners' || f.param === 'winner') ?? infobox.fields.find((f) => f.param === 'champions' || f.param === 'champion');
  if (field === undefined || field.text.length === 0) return;
  const mention: TeamMention = { team: { text: withoutQualifier(field.text) }, link: field.links?.[0]?.target };
  const match = sameTeam(mention, final.slot);
  const related = [{ message: `the final's winner, ${final.slot.team?.text ?? ''} (${final.how})`, span: final.slot.team?.span ?? final.bracket.span }];
  if (match === 'link' || match === 'name') return;
  if (match === 'variant') {
    context.report({
      code: 'check/team-name-variant',
      stage: 'check',
      message: `Unexpected spelling "${field.text}" in the infobox for ${final.slot.team?.text ?? ''}, expected the same spelling as the bracket; read as the same team`,
      param: field.param,
      span: field.span,
      recordId: infobox.id,
      related,
    });
    return;
  }
  context.report({
    code: 'check/infobox-winner-mismatch',
    stage: 'check',
    message: `Unexpected ${field.text} as \`${field.param}\` in the infobox, expected ${final.slot.team?.text ?? ''}, the winner of the final`,
    param: field.param,
    span: field.span,
    declared: field.text,
    computed: final.slot.team?.text ?? '',
    recordId: infobox.id,
    related,
  });
}

/** Match boxes and tie tables against the bracket tie of the same two teams. */
function checkOtherSources(records: Extracted, context: StageContext): void {
  const bracketTies = records.brackets.flatMap((b) =>
    b.rounds.flatMap((r) =>
      r.ties
        .map((t) => ({ bracket: b, round: r, a: r.slots[t.slots[0] - 1], b: r.slots[t.slots[1] - 1] }))
        .filter((t): t is { bracket: BracketRecord; round: BracketRound; a: BracketSlot; b: BracketSlot } => t.a?.team !== undefined && t.b?.team !== undefined),
    ),
  );
  const find = (one: TeamMention, two: TeamMention) => {
    for (const t of bracketTies) {
      if (sameTeam(one, t.a) !== undefined && sameTeam(two, t.b) !== undefined) return { ...t, flipped: false };
      if (sameTeam(one, t.b) !== undefined && sameTeam(two, t.a) !== undefined) return { ...t, flipped: true };
    }
    return undefined;
  };
  const goals = (s: BracketSlot, leg: number): Figure | undefined => s.scores[leg];
  // Each match box with the bracket tie of its two teams; the pair may have met before (a group
  // match, then the final): boxes beyond the tie's legs are other meetings once enough agree.
  const byTie = new Map<BracketSlot, { legs: number; boxes: { m: MatchRecord; agrees: boolean; first: BracketSlot; second: BracketSlot }[] }>();
  for (const m of records.matches) {
    if (m.team1Goals === undefined || m.team2Goals === undefined || m.score === undefined) continue;
    const t = find({ team: m.team1, link: m.link1 }, { team: m.team2, link: m.link2 });
    if (t === undefined) continue;
    const [first, second] = t.flipped ? [t.b, t.a] : [t.a, t.b];
    let legs = 0;
    let agrees = false;
    for (let l = 0; l < Math.max(first.scores.length, second.scores.length); l++) {
      const [x, y] = [goals(first, l)?.value, goals(second, l)?.value];
      if (x === undefined || y === undefined) continue;
      legs += 1;
      if (x === m.team1Goals && y === m.team2Goals) agrees = true;
    }
    if (legs === 0) continue;
    const entry = byTie.get(t.a) ?? { legs, boxes: [] };
    entry.boxes.push({ m, agrees, first, second });
    byTie.set(t.a, entry);
  }
  for (const { legs, boxes } of byTie.values()) {
    if (boxes.length > legs && boxes.filter((b) => b.agrees).length >= legs) continue;
    for (const { m, first, second } of boxes.filter((b) => !b.agrees)) {
      context.report({
        code: 'check/knockout-score-mismatch',
        stage: 'check',
        message: `Unexpected ${m.team1.text} ${m.team1Goals}–${m.team2Goals} ${m.team2.text} in the match box, expected one of the legs the bracket gives for this tie`,
        param: 'score',
        ...(m.score === undefined ? {} : { span: m.score.span }),
        recordId: m.id,
        related: [...first.scores, ...second.scores].map((f) => ({ message: `bracket: \`${f.param}=${f.raw}\``, span: f.span })),
      });
    }
  }
  for (const tie of records.ties) {
    const t = find({ team: tie.team1.name, link: tie.team1.link }, { team: tie.team2.name, link: tie.team2.link });
    if (t === undefined) continue;
    const [first, second] = t.flipped ? [t.b, t.a] : [t.a, t.b];
    const pairs: { what: string; param: string; got?: [number | undefined, number | undefined]; span: Figure['span']; want: [Figure | undefined, Figure | undefined] }[] = [];
    if (tie.aggregate !== undefined) {
      pairs.push({ what: 'aggregate', param: tie.aggregate.value.param, got: [tie.aggregate.team1Goals, tie.aggregate.team2Goals], span: tie.aggregate.value.span, want: [first.aggregate, second.aggregate] });
    }
    const oneMatch = tie.legs.length === 1 && tie.aggregate === undefined;
    tie.legs.forEach((leg, l) => pairs.push({ what: oneMatch ? 'score' : `leg ${l + 1}`, param: leg.value.param, got: [leg.team1Goals, leg.team2Goals], span: leg.value.span, want: [goals(first, l), goals(second, l)] }));
    for (const p of pairs) {
      const [x, y] = p.got ?? [];
      const [wx, wy] = [p.want[0]?.value, p.want[1]?.value];
      if (x === undefined || y === undefined || wx === undefined || wy === undefined || (x === wx && y === wy)) continue;
      context.report({
        code: 'check/knockout-score-mismatch',
        stage: 'check',
        message: `Unexpected ${p.what} ${x}–${y} in the tie table, expected ${wx}–${wy} as in the bracket`,
        param: p.param,
        span: p.span,
        declared: `${x}–${y}`,
        computed: `${wx}–${wy}`,
        recordId: tie.id,
        related: p.want.filter((f): f is Figure => f !== undefined).map((f) => ({ message: `bracket: \`${f.param}=${f.raw}\``, span: f.span })),
      });
    }
  }
}
