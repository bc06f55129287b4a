/**
 * Knockout brackets → a bracket record: rounds with their labels, each slot's team, seed and
 * per-leg scores, and the ties (slots 2k−1 and 2k) with the team that went through, taken from
 * slot k of the next round — never decided from the aggregate, since some competitions decide by
 * points and a third match.
 * https://en.wikipedia.org/wiki/Template:16TeamBracket (the NTeamBracket family, -2Leg/-3Leg,
 * compact and third-place variants) and https://en.wikipedia.org/wiki/Module:Team_bracket.
 * Reads: rounds, legs or sets (`2` or per round `2/2/1`), byes (a `…-Byes` template allows them in
 * round 1), RD<n>, RD<n>-team<m> (padded or not), RD<n>-seed<m>, RD<n>-score<m>,
 * RD<n>-score<m>-<leg>, RD<n>-score<m>-agg. Cells are read as real articles write them
 * (bracket-cells.ts): an explicit `Bye` or a `TBD` is no team, a walkover mark no goals.
 * Sizes come from the input, so they are capped: at most MAX_BRACKET_ROUNDS rounds, and slot
 * numbers up to what the template draws (an NTeamBracket its N, Module:Team bracket 2^rounds).
 * A round, slot or leg past that is reported (`extract/out-of-range`) and ignored.
 */
import { MAX_BRACKET_ROUNDS, MAX_FIGURE } from '../limits.js';
import type { ParamView, TemplateView } from '../parse/index.js';
import type { BracketRecord, BracketRound, BracketSlot, Figure, StageContext } from '../types/index.js';
import { readGoalsCell, readTeamCell } from './bracket-cells.js';
import { readBoundedNumber, readCount, readNumberText, reportTooLarge } from './numbers.js';
import { sameTeam } from './team-identity.js';
import { bracketSize, displayTemplateName } from './template-names.js';
import { reportDuplicateParams } from './teams.js';
import { opt, valueOf } from './values.js';

// Leading zeros (`RD1-team01`) are read by readCount: `0*(\d+)` here backtracked quadratically.
const KEY = /^RD(\d+)-(team|seed|score)(\d+)(?:-(\d+|agg))?$/i;
const LABEL = /^RD(\d+)$/i;
/** Labels that say a column is not a knockout round (the seed's "Final Group", "Champion & Runner-Up"). */
const NOT_KNOCKOUT = /group|pool|champion|runner|table|standing|league/i;
/** The most teams any bracket draws in its first round. */
const MAX_TEAMS = 2 ** MAX_BRACKET_ROUNDS;

interface SlotParams {
  team?: ParamView;
  seed?: ParamView;
  single?: ParamView;
  legs: Map<number, ParamView>;
  agg?: ParamView;
}

/** A slot parameter, its round read; the slot is read once the bracket's size is known. */
interface SlotKey {
  param: ParamView;
  round: number;
  what: string;
  slot: string;
  leg: string | undefined;
}

/**
 * Extracts a bracket.
 * @param view the template or #invoke call
 * @param id the record id
 * @param context diagnostics sink
 * @returns the bracket record
 */
export function extractBracket(view: TemplateView, id: string, context: StageContext): BracketRecord {
  reportDuplicateParams(view, context);
  const size = readSize(view, context);
  const declaredRounds = readRounds(view, context);
  const keys = readKeys(view, context);
  let roundCount = Math.max(size === undefined ? 0 : Math.round(Math.log2(size)), declaredRounds ?? 0);
  for (const k of keys) roundCount = Math.max(roundCount, k.round);
  for (const p of view.byName.values()) {
    const n = LABEL.exec(p.name)?.[1];
    const round = n === undefined ? undefined : readCount(n, MAX_BRACKET_ROUNDS);
    if (round !== undefined) roundCount = Math.max(roundCount, round);
    else if (n !== undefined) reportOutOfRange(p, `\`${clip(p.name)}\``, `a round number of at most ${MAX_BRACKET_ROUNDS}`, context);
  }
  const teamsInRound1 = size ?? 2 ** roundCount;
  // What the template can draw: NTeamBracket its size (a power of two, byes filling the rest),
  // Module:Team bracket 2^rounds; always at least a final's two slots.
  const slotLimit = Math.max(2, 2 ** (size === undefined ? roundCount : Math.ceil(Math.log2(Math.max(1, size)))));
  const byRound = new Map<number, Map<number, SlotParams>>();
  for (const { param: p, round, what, slot: digits, leg } of keys) {
    const slot = readCount(digits, slotLimit);
    const isAgg = leg !== undefined && leg.toLowerCase() === 'agg';
    const legNumber = leg === undefined || isAgg ? undefined : readCount(leg, MAX_FIGURE);
    if (slot === undefined || (leg !== undefined && !isAgg && legNumber === undefined)) {
      const expected = slot === undefined ? `a slot number of at most ${slotLimit} in this bracket` : `a leg number of at most ${MAX_FIGURE}`;
      reportOutOfRange(p, `\`${clip(p.name)}\``, expected, context);
      continue;
    }
    const slots = byRound.get(round) ?? new Map<number, SlotParams>();
    byRound.set(round, slots);
    const s = slots.get(slot) ?? { legs: new Map<number, ParamView>() };
    slots.set(slot, s);
    if (what === 'team') s.team = p;
    else if (what === 'seed') s.seed = p;
    else if (leg === undefined) s.single = p;
    else if (legNumber === undefined) s.agg = p;
    else s.legs.set(legNumber, p);
  }
  // A `…-Byes` wrapper draws round 1 with byes; `byes` itself says up to which round.
  const byes = readBoundedNumber(view.byName.get('byes'), 'the rounds with byes', context) ?? (/byes/i.test(view.rawName) ? 1 : 0);
  const legCounts = readLegCounts(view, context);

  const rounds: BracketRound[] = [];
  for (let n = 1; n <= roundCount; n++) {
    const slotCount = Math.max(2, Math.round(teamsInRound1 / 2 ** (n - 1)));
    const params = byRound.get(n) ?? new Map<number, SlotParams>();
    const label = valueOf(view.byName.get(`RD${n}`));
    const slots: BracketSlot[] = [];
    const byeSlots = new Set<number>();
    let last = slotCount;
    for (const m of params.keys()) last = Math.max(last, m);
    for (let m = 1; m <= last; m++) {
      const { slot, bye } = readSlot(m, params.get(m), `round ${n}`, context);
      slots.push(slot);
      if (bye) byeSlots.add(m);
    }
    const previous = rounds[n - 2];
    // The round before, with its legs: what the template says, or more when its slots hold more.
    const before = previous && { slots: previous.slots, legs: previous.slots.reduce((most, s) => Math.max(most, s.scores.length), legsOfRound(legCounts, n - 1)) };
    reportMissingSlots(view, { round: n, slots, params, byeSlots, byesAllowed: n <= byes }, before, context);
    rounds.push({
      round: n,
      ...opt('label', label),
      knockout: label === undefined || !NOT_KNOCKOUT.test(label.text),
      slots,
      ties: [],
    });
  }
  let legs = Math.max(1, ...legCounts);
  for (const r of rounds) for (const s of r.slots) legs = Math.max(legs, s.scores.length);
  return bracketRecord(view, id, rounds, legs);
}

/**
 * The bracket record of rounds read (NTeamBracket, Team bracket or RoundN): each round's ties,
 * slots 2k−1 and 2k, with the team that went through from slot k of the next round.
 * @param view the call
 * @param id the record id
 * @param rounds the rounds, their ties still empty
 * @param legs the most legs a round has
 * @returns the record
 */
export function bracketRecord(view: TemplateView, id: string, rounds: BracketRound[], legs: number): BracketRecord {
  for (const [i, round] of rounds.entries()) {
    const next = rounds[i + 1];
    for (let k = 1; 2 * k <= round.slots.length; k++) {
      const a = round.slots[2 * k - 2];
      const b = round.slots[2 * k - 1];
      const through = next?.slots[k - 1]?.team;
      const from = through === undefined ? undefined : [a, b].findIndex((s) => s?.team !== undefined && sameTeam(s, next?.slots[k - 1] ?? s) !== undefined);
      round.ties.push({
        tie: k,
        slots: [2 * k - 1, 2 * k],
        ...opt('through', through?.text),
        ...(from === undefined || from < 0 ? {} : { throughSlot: 2 * k - 1 + from }),
      });
    }
  }
  return {
    kind: 'bracket',
    id,
    section: view.section,
    span: view.span,
    template: displayTemplateName(view.rawName, view.isInvoke),
    ...(view.recovered ? { recovered: true } : {}),
    legs,
    rounds,
  };
}

/** The team count in an NTeamBracket name, at most MAX_TEAMS. */
function readSize(view: TemplateView, context: StageContext): number | undefined {
  const size = bracketSize(view.rawName);
  if (size === undefined || size <= MAX_TEAMS) return size;
  context.report({
    code: 'extract/out-of-range',
    stage: 'extract',
    message: `Unexpected bracket template \`${view.rawName.trim().slice(0, 40)}\`, expected at most ${MAX_TEAMS} teams; read as a bracket of ${MAX_TEAMS}`,
    span: view.span,
  });
  return MAX_TEAMS;
}

/** `rounds=` of Module:Team bracket; more than MAX_BRACKET_ROUNDS is reported and ignored. */
function readRounds(view: TemplateView, context: StageContext): number | undefined {
  const p = view.byName.get('rounds');
  const rounds = readBoundedNumber(p, 'the number of rounds', context);
  if (p === undefined || rounds === undefined || rounds <= MAX_BRACKET_ROUNDS) return rounds;
  reportOutOfRange(p, `\`rounds=${clip(p.text)}\``, `at most ${MAX_BRACKET_ROUNDS} rounds`, context);
  return undefined;
}

/**
 * The legs of each round from `legs` (or its synonym `sets`): `2` for every round, `2/2/1` per
 * round (the last number for the rounds after it); else from a `-2Leg` template name; empty when
 * nothing says.
 */
function readLegCounts(view: TemplateView, context: StageContext): number[] {
  const p = view.byName.get('legs') ?? view.byName.get('sets');
  // `16TeamBracket-2Leg` draws two legs in every round.
  const named = /-(\d)\s*legs?\b/i.exec(view.rawName)?.[1];
  if (p === undefined && named !== undefined) return [Number(named)];
  const counts: number[] = [];
  // Counted in a loop, at most one number per round: a `legs` of thousands of `/` is cut short.
  for (const piece of (p?.text ?? '').split('/').slice(0, MAX_BRACKET_ROUNDS)) {
    const n = readNumberText(piece);
    if (n === 'too-large' && p !== undefined) {
      reportTooLarge(p, 'the number of legs', context);
      break;
    }
    counts.push(typeof n === 'number' && n >= 1 ? Math.floor(n) : 1);
  }
  return counts;
}

/** The legs of round n (1-based): its own number, else the last one given, else 1. */
function legsOfRound(counts: readonly number[], n: number): number {
  return counts[n - 1] ?? counts[counts.length - 1] ?? 1;
}

/** Every RD<n>-team/seed/score parameter whose round the bracket can draw; the others are reported. */
function readKeys(view: TemplateView, context: StageContext): SlotKey[] {
  const keys: SlotKey[] = [];
  for (const p of view.byName.values()) {
    const m = KEY.exec(p.name);
    if (m === null) continue;
    const round = readCount(m[1] ?? '', MAX_BRACKET_ROUNDS);
    if (round === undefined) reportOutOfRange(p, `\`${clip(p.name)}\``, `a round number of at most ${MAX_BRACKET_ROUNDS}`, context);
    else keys.push({ param: p, round, what: (m[2] ?? '').toLowerCase(), slot: m[3] ?? '', leg: m[4] });
  }
  return keys;
}

/** A round, slot or leg the template cannot draw: reported and ignored. */
function reportOutOfRange(p: ParamView, shown: string, expected: string, context: StageContext): void {
  context.report({
    code: 'extract/out-of-range',
    stage: 'extract',
    message: `Unexpected ${shown} past what the bracket draws, expected ${expected}; the parameter is ignored`,
    param: p.name,
    span: p.paramSpan,
  });
}

/** At most 40 characters of a name or value in a message: a 400-digit slot need not be repeated. */
function clip(s: string): string {
  return s.length <= 40 ? s : `${s.slice(0, 30)}…`;
}

function readSlot(slot: number, s: SlotParams | undefined, where: string, context: StageContext): { slot: BracketSlot; bye: boolean } {
  const { team, bye } = readTeamCell(s?.team);
  const scores: Figure[] = [];
  const single = readGoalsCell(s?.single, `the score of slot ${slot} in ${where}`, context);
  if (single !== undefined) scores.push(single);
  for (const leg of [...(s?.legs.keys() ?? [])].sort((x, y) => x - y)) {
    const f = readGoalsCell(s?.legs.get(leg), `leg ${leg} of slot ${slot} in ${where}`, context);
    if (f !== undefined) scores.push(f);
  }
  const aggregate = readGoalsCell(s?.agg, `the aggregate of slot ${slot} in ${where}`, context);
  const read: BracketSlot = {
    slot,
    ...opt('team', team),
    ...opt('link', team?.links?.[0]?.target),
    ...opt('seed', s?.seed?.text || undefined),
    ...(team !== undefined && /'''/.test(team.raw) ? { bold: true } : {}),
    scores,
    ...opt('aggregate', aggregate),
  };
  return { slot: read, bye: bye === true };
}

/** A round as read so far, for the missing-slot report. */
interface RoundSlots {
  round: number;
  slots: readonly BracketSlot[];
  params: ReadonlyMap<number, SlotParams>;
  /** Slots whose cell says `Bye`. */
  byeSlots: ReadonlySet<number>;
  byesAllowed: boolean;
}

/**
 * A tie with one team and not the other, where no bye is allowed or written, has lost a slot;
 * unless the empty slot waits for a tie of the round before that has not been decided yet (its
 * two teams are there, its score is not complete): an in-progress bracket is not faulty.
 */
function reportMissingSlots(view: TemplateView, r: RoundSlots, previous: { slots: readonly BracketSlot[]; legs: number } | undefined, context: StageContext): void {
  if (r.byesAllowed) return;
  for (let k = 0; 2 * k + 1 < r.slots.length; k++) {
    const pair = [r.slots[2 * k], r.slots[2 * k + 1]];
    const present = pair.filter((s) => s?.team !== undefined);
    if (present.length !== 1) continue;
    const missing = pair.find((s) => s?.team === undefined);
    if (missing === undefined || r.byeSlots.has(missing.slot)) continue;
    if (previous !== undefined && !isDecided(previous.slots, missing.slot, previous.legs)) continue;
    const other = present[0];
    const written = r.params.get(missing.slot)?.team;
    context.report({
      code: 'extract/bracket-missing-slot',
      stage: 'extract',
      message: `Unexpected empty slot ${missing.slot} in round ${r.round}, expected the opponent of ${other?.team?.text ?? 'the other team'} (or \`byes\` set for this round)`,
      param: written?.name ?? `RD${r.round}-team${String(missing.slot).padStart(2, '0')}`,
      span: written?.paramSpan ?? other?.team?.span ?? view.span,
    });
  }
}

/**
 * Whether tie k of a round (slots 2k−1 and 2k) has a winner to put in slot k of the next round:
 * not when both teams are there and a score is still missing (every leg, or the aggregate).
 */
function isDecided(slots: readonly BracketSlot[], k: number, legs: number): boolean {
  const pair = [slots[2 * k - 2], slots[2 * k - 1]];
  if (pair.some((s) => s?.team === undefined)) return true;
  const complete = (s: BracketSlot | undefined): boolean =>
    s?.aggregate?.value !== undefined || (s !== undefined && s.scores.length >= legs && s.scores.every((f) => f.value !== undefined));
  return pair.every(complete);
}
