/**
 * When two mentions are the same team: the same link target, or the same name once diacritics,
 * case, punctuation and spacing are set aside.
 */

/**
 * Normalises a team name for comparison.
 * @param name a display name ("Sport Áncash", "Olympique de Marseille ")
 * @returns a comparison key ("sport ancash")
 */
export function teamNameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
