import type { LocaleCode } from '../../shared/locales';
import type { CoreContext } from '../context';

/**
 * How every screen names an item: in the asked language (@lang), else in the site's language
 * (@site), else in whatever language it was given (an item needs a name in one language only:
 * English first, then by language code, so the choice is the same on every screen), else by its
 * id, so an item never shows up blank. `untranslated` is true when the asked language had no
 * name, so a screen can mark the fallback visibly.
 */
export interface ItemNameSql {
  /** LEFT JOINs to add after the table that holds `itemId`. */
  joins: string;
  /** The name as an SQL expression. */
  name: string;
  /** 1 when the asked language had no name. */
  untranslated: string;
}

/**
 * The name fallback as SQL for a query that binds @lang and @site. `itemId` is the column that
 * holds the item id (e.g. `i.id`); `as` prefixes the joined aliases so two names can coexist.
 */
export function itemNameSql(itemId: string, as = 'nm'): ItemNameSql {
  const asked = `${as}_lang`;
  const site = `${as}_site`;
  return {
    joins: `LEFT JOIN item_names ${asked} ON ${asked}.item_id = ${itemId} AND ${asked}.locale = @lang
            LEFT JOIN item_names ${site} ON ${site}.item_id = ${itemId} AND ${site}.locale = @site`,
    // COALESCE stops at the first name it has: the subqueries run only for an item with neither,
    // each a lookup on item_names' key (no sort).
    name: `COALESCE(${asked}.name, ${site}.name,
             (SELECT ${as}_en.name FROM item_names ${as}_en WHERE ${as}_en.item_id = ${itemId} AND ${as}_en.locale = 'en'),
             (SELECT ${as}_any.name FROM item_names ${as}_any WHERE ${as}_any.item_id = ${itemId} ORDER BY ${as}_any.locale LIMIT 1),
             ${itemId})`,
    untranslated: `(${asked}.name IS NULL)`,
  };
}

/** One item's name by the same rule, for code that names a single item. */
export function itemName(
  ctx: Pick<CoreContext, 'db'>,
  itemId: string,
  lang: LocaleCode,
  site: LocaleCode,
): { name: string; untranslated: boolean } {
  const n = itemNameSql('i.id');
  const row = ctx.db
    .prepare(`SELECT ${n.name} AS name, ${n.untranslated} AS untranslated FROM items i ${n.joins} WHERE i.id = @item`)
    .get({ item: itemId, lang, site }) as { name: string; untranslated: number } | undefined;
  return { name: row?.name ?? itemId, untranslated: row ? row.untranslated === 1 : true };
}
