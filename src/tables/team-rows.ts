/**
 * Team rows: one per team entity of an article's registry.
 */
import type { TeamEntity, TeamRow } from '../types/index.js';
import type { ArticleContext } from './context.js';

/**
 * The row of one team entity.
 * @param team the entity
 * @param context the article's columns
 * @returns the row
 */
export function teamRow(team: TeamEntity, context: ArticleContext): TeamRow {
  return {
    article: context.article,
    pageId: context.pageId,
    revisionId: context.revisionId,
    teamId: team.id,
    name: team.name,
    names: team.names,
    links: team.links,
    codes: team.codes,
    mentions: team.mentions.length,
    recordIds: [...new Set(team.mentions.map((m) => m.recordId))],
    file: context.file,
  };
}
