/**
 * A knockout bracket in the HTML report, drawn as a bracket: one column per round, each tie a small
 * table of its two teams with their scores leg by leg and on aggregate, the team that went through
 * in bold and named so ("through"), not marked by colour.
 */
import type { BracketRecord, BracketRound, BracketSlot } from '../types/index.js';
import { escapeHtml, shownValue } from './html-escape.js';

/**
 * Draws a bracket.
 * @param bracket the bracket record
 * @param id the element id of its section
 * @returns a `<section>` element
 */
export function renderBracket(bracket: BracketRecord, id: string): string {
  const title = bracket.section.length > 0 ? bracket.section.join(' › ') : `Bracket at line ${bracket.span.start.line}`;
  // A last round of two ties after a round of two (the semi-finals) holds the final and the third-place match.
  const withThird = (i: number): boolean => i > 0 && i === bracket.rounds.length - 1 && bracket.rounds[i]?.ties.length === 2 && bracket.rounds[i - 1]?.ties.length === 2;
  const rounds = bracket.rounds.map((round, i) => renderRound(round, bracket.legs, withThird(i)));
  return (
    `<section class="bracket-group" id="${id}" aria-labelledby="${id}-h"><h3 id="${id}-h">${escapeHtml(title)} <span class="meta">(bracket, line ${bracket.span.start.line})</span></h3>` +
    `<div class="bracket scroll" tabindex="0" role="region" aria-label="Bracket, ${escapeHtml(title)}">${rounds.join('')}</div></section>`
  );
}

function renderRound(round: BracketRound, legs: number, withThird: boolean): string {
  const label = round.label?.text ?? `Round ${round.round}`;
  const bySlot = new Map(round.slots.map((s) => [s.slot, s]));
  // Ties as the record pairs them; slots no tie names are paired in order.
  const paired = new Set(round.ties.flatMap((t) => t.slots));
  const ties: { slots: (BracketSlot | undefined)[]; through?: number }[] = round.ties.map((t) => ({
    slots: t.slots.map((n) => bySlot.get(n)),
    ...(t.throughSlot === undefined ? {} : { through: t.throughSlot }),
  }));
  const loose = round.slots.filter((s) => !paired.has(s.slot));
  for (let i = 0; i < loose.length; i += 2) ties.push({ slots: [loose[i], loose[i + 1]] });
  // Its second tie is then the third-place match (slots 3–4, as brackets draw it).
  const third = (i: number): boolean => withThird && i === 1;
  const items = ties.map((tie, i) =>
    third(i) ? `<li><p class="meta">Third place</p>${renderTie(tie.slots, tie.through, legs, `${label}, third place`)}</li>` : `<li>${renderTie(tie.slots, tie.through, legs, `${label}, tie ${i + 1}`)}</li>`,
  );
  const note = round.knockout ? '' : ' <span class="meta">(not a knockout round)</span>';
  return `<section class="round" aria-label="${escapeHtml(label)}"><h4>${escapeHtml(label)}${note}</h4><ol>${items.join('')}</ol></section>`;
}

function renderTie(slots: readonly (BracketSlot | undefined)[], through: number | undefined, legs: number, caption: string): string {
  const legHeads = Array.from({ length: legs }, (_, i) => `<th scope="col">${legs === 1 ? 'Score' : `Leg ${i + 1}`}</th>`).join('');
  const aggHead = legs > 1 ? '<th scope="col">Agg.</th>' : '';
  const rows = slots.map((slot) => {
    if (slot === undefined) return `<tr><th scope="row"><span class="meta">(empty)</span></th>${'<td></td>'.repeat(legs + (legs > 1 ? 1 : 0))}</tr>`;
    const won = through !== undefined ? through === slot.slot : slot.bold === true;
    const name = `${escapeHtml(slot.team?.text ?? '')}${slot.seed === undefined ? '' : ` <span class="meta">(${escapeHtml(slot.seed)})</span>`}`;
    const scores = Array.from({ length: legs }, (_, i) => `<td class="num">${escapeHtml(shownValue(slot.scores[i]?.raw ?? ''))}</td>`).join('');
    const agg = legs > 1 ? `<td class="num"><strong>${escapeHtml(shownValue(slot.aggregate?.raw ?? ''))}</strong></td>` : '';
    const mark = won ? ' <span class="meta">▸ through</span>' : '';
    return `<tr${won ? ' class="through"' : ''}><th scope="row">${name}${mark}</th>${scores}${agg}</tr>`;
  });
  return (
    `<table class="tie"><caption class="visually-hidden">${escapeHtml(caption)}</caption>` +
    `<thead class="visually-hidden"><tr><th scope="col">Team</th>${legHeads}${aggHead}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}
