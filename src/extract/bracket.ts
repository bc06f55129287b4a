/**
 * Knockout brackets → a bracket record: rounds with their labels, each slot's team, seed and
 * per-leg scores, and the ties (slots 2k−1 and 2k) with the team that went through, taken from
 * slot k of the next round — never decided from the aggregate, since some competitions decide by
 * points and a third match.
 * https://en.wikipedia.org/wiki/Template:16TeamBracket (the NTeamBracket family, -2Leg/-3Leg,
 * compact and third-place variants) and https://en.wikipedia.org/wiki/Module:Team_bracket.
 * Reads: rounds, legs (`2` or per round `2/2/1`), byes, RD<n>, RD<n>-team<m> (padded or not),
 * RD<n>-seed<m>, RD<n>-score<m>, RD<n>-score<m>-<leg>, RD<n>-score<m>-agg.
 */
import type { ParamView, TemplateView } from '../parse/index.js';
import type { BracketRecord, BracketRound, BracketSlot, Figure, StageContext } from '../types/index.js';
import { parseNumber, readScoreFigure } from './numbers.js';
import { sameTeam } from './team-identity.js';
import { bracketSize, displayTemplateName } from './template-names.js';
import { reportDuplicateParams } from './teams.js';
import { opt, valueOf } from './values.js';

const KEY = /^RD(\d+)-(team|seed|score)0*(\d+)(?:-(\d+|agg))?$/i;
/** Labels that say a column is not a knockout round (the seed's "Final Group", "Champion & Runner-Up"). */
const NOT_KNOCKOUT = /group|pool|champion|runner|table|standing|league/i;

interface SlotParams {
  team?: ParamView;
  seed?: ParamView;
  single?: ParamView;
  legs: Map<number, ParamView>;
  agg?: ParamView;
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
  const byRound = new Map<number, Map<number, SlotParams>>();
  for (const p of view.byName.values()) {
    const m = KEY.exec(p.name);
    if (m === null) continue;
    const [round, what, slot, leg] = [Number(m[1]), (m[2] ?? '').toLowerCase(), Number(m[3]), m[4]];
    const slots = byRound.get(round) ?? new Map<number, SlotParams>();
    byRound.set(round, slots);
    const s = slots.get(slot) ?? { legs: new Map<number, ParamView>() };
    slots.set(slot, s);
    if (what === 'team') s.team = p;
    else if (what === 'seed') s.seed = p;
    else if (leg === undefined) s.single = p;
    else if (leg.toLowerCase() === 'agg') s.agg = p;
    else s.legs.set(Number(leg), p);
  }
  const size = bracketSize(view.rawName);
  const declaredRounds = parseNumber(view.byName.get('rounds')?.text ?? '');
  const labelled = [...view.byName.keys()].map((k) => Number(/^RD(\d+)$/i.exec(k)?.[1] ?? 0));
  const roundCount = Math.max(size === undefined ? 0 : Math.round(Math.log2(size)), declaredRounds ?? 0, ...byRound.keys(), ...labelled);
  const teamsInRound1 = size ?? 2 ** roundCount;
  const legsPerRound = (view.byName.get('legs')?.text ?? '').split('/').map((l) => parseNumber(l));
  const byes = parseNumber(view.byName.get('byes')?.text ?? '') ?? 0;

  const rounds: BracketRound[] = [];
  for (let n = 1; n <= roundCount; n++) {
    const slotCount = Math.max(2, Math.round(teamsInRound1 / 2 ** (n - 1)));
    const params = byRound.get(n) ?? new Map<number, SlotParams>();
    const label = valueOf(view.byName.get(`RD${n}`));
    const slots: BracketSlot[] = [];
    for (let m = 1; m <= Math.max(slotCount, ...params.keys()); m++) {
      const s = params.get(m);
      slots.push(readSlot(m, s, `round ${n}`, context));
    }
    rounds.push({
      round: n,
      ...opt('label', label),
      knockout: label === undefined || !NOT_KNOCKOUT.test(label.text),
      slots,
      ties: [],
    });
    reportMissingSlots(view, n, slots, params, n <= byes, context);
  }
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
  const legs = Math.max(1, ...legsPerRound.filter((l): l is number => l !== undefined), ...rounds.flatMap((r) => r.slots.map((s) => s.scores.length)));
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

function readSlot(slot: number, s: SlotParams | undefined, where: string, context: StageContext): BracketSlot {
  const team = valueOf(s?.team);
  const scores: Figure[] = [];
  const single = readScoreFigure(s?.single, `the score of slot ${slot} in ${where}`, context);
  if (single !== undefined) scores.push(single);
  for (const leg of [...(s?.legs.keys() ?? [])].sort((x, y) => x - y)) {
    const f = readScoreFigure(s?.legs.get(leg), `leg ${leg} of slot ${slot} in ${where}`, context);
    if (f !== undefined) scores.push(f);
  }
  const aggregate = readScoreFigure(s?.agg, `the aggregate of slot ${slot} in ${where}`, context);
  return {
    slot,
    ...opt('team', team),
    ...opt('link', team?.links?.[0]?.target),
    ...opt('seed', s?.seed?.text || undefined),
    ...(s?.team !== undefined && /'''/.test(s.team.raw) ? { bold: true } : {}),
    scores,
    ...opt('aggregate', aggregate),
  };
}

/** A tie with one team and not the other, where no bye is allowed, has lost a slot. */
function reportMissingSlots(
  view: TemplateView,
  round: number,
  slots: readonly BracketSlot[],
  params: ReadonlyMap<number, SlotParams>,
  byesAllowed: boolean,
  context: StageContext,
): void {
  if (byesAllowed) return;
  for (let k = 0; 2 * k + 1 < slots.length; k++) {
    const pair = [slots[2 * k], slots[2 * k + 1]];
    const present = pair.filter((s) => s?.team !== undefined);
    if (present.length !== 1) continue;
    const missing = pair.find((s) => s?.team === undefined);
    const other = present[0];
    const written = missing === undefined ? undefined : params.get(missing.slot)?.team;
    context.report({
      code: 'extract/bracket-missing-slot',
      stage: 'extract',
      message: `Unexpected empty slot ${missing?.slot ?? '?'} in round ${round}, expected the opponent of ${other?.team?.text ?? 'the other team'} (or \`byes\` set for this round)`,
      param: written?.name ?? `RD${round}-team${String(missing?.slot ?? 0).padStart(2, '0')}`,
      span: written?.paramSpan ?? other?.team?.span ?? view.span,
    });
  }
}
