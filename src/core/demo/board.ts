import type { CoreContext } from '../context';
import type { IntakeService } from '../intake/intake-service';
import { readSite } from '../site/site-service';
import { DAY_MS } from '../../shared/time';

const bit = (day: number, part: number) => 1 << (day * 3 + part);
const days = (ds: number[], parts: number[]) => ds.reduce((m, d) => parts.reduce((mm, p) => mm | bit(d, p), m), 0);
const WEEKDAYS = [0, 1, 2, 3, 4];

/**
 * The board's part of the demo hub (after seedDemo's households and free-text needs/offers):
 * needs and offers tied to the morning's households by slip code, one household that left a
 * name and phone (for the coordinator), a Dari cooking need from last week to match with the
 * grandmother's offer, and a week of slips that ran the cooking oil and pinto beans low.
 */
export function seedBoardDemo(ctx: CoreContext, intake: IntakeService): void {
  const site = readSite(ctx);
  if (!site) return;
  const households = ctx.db.prepare('SELECT id, language FROM households ORDER BY created_at, id').all() as {
    id: string;
    language: string;
  }[];
  const byLanguage = (lng: string) => households.find((h) => h.language === lng)?.id ?? null;
  const now = ctx.clock.now().getTime();
  const ago = (d: number) => new Date(now - d * DAY_MS).toISOString();

  // Three more families this week asked for oil and pinto beans: the shelf ran low.
  const itemByName = (name: string) =>
    (ctx.db.prepare("SELECT item_id AS id FROM item_names WHERE locale = 'en' AND name = ?").get(name) as { id: string } | undefined)?.id;
  const oil = itemByName('Cooking oil, 1 L');
  const pinto = itemByName('Pinto beans, 15 oz');
  for (const language of ['fa', 'es', 'so'] as const) {
    if (!site.settings.languages.includes(language)) continue;
    const needs = [oil, pinto].filter((id): id is string => id !== undefined).map((itemId) => ({ itemId, qty: 1 }));
    if (!needs.length) continue;
    intake.submit({ requestId: ctx.ids.uuid(), language, household: { adults: 2, children: 1 }, needs });
  }

  const spanish = byLanguage('es');
  const english = byLanguage('en');
  if (spanish) ctx.db.prepare("UPDATE households SET first_name = 'María', phone = '555-0148' WHERE id = ?").run(spanish);
  if (english) ctx.db.prepare("UPDATE households SET first_name = 'Dwayne' WHERE id = ?").run(english);

  const rows = [
    {
      kind: 'need',
      household: byLanguage('es'),
      category: 'cooking',
      detail: 'Someone to host a Dari cooking workshop',
      languages: ['fa', 'en'],
      slots: days([5], [0, 1]),
      at: ago(7),
      shareable: 1,
    },
    {
      kind: 'need',
      household: byLanguage('ar'),
      category: 'translation',
      detail: 'Help reading a letter from the school',
      languages: ['ar'],
      slots: days(WEEKDAYS, [2]),
      at: ago(2),
      shareable: 1,
    },
    {
      kind: 'need',
      household: byLanguage('es'),
      category: 'clothing',
      detail: 'Winter coats for two children',
      languages: ['es'],
      slots: null,
      at: ago(1),
      shareable: 1,
    },
    {
      kind: 'offer',
      household: byLanguage('en'),
      category: 'ride',
      detail: 'Can drive on weekdays',
      languages: ['en', 'es'],
      slots: days(WEEKDAYS, [0, 1]),
      at: ago(3),
      shareable: 1,
    },
    {
      kind: 'offer',
      household: byLanguage('en'),
      category: 'furniture',
      detail: 'A spare crib',
      languages: ['en'],
      slots: null,
      at: ago(4),
      shareable: 0,
    },
  ] as const;
  const insert = ctx.db.prepare(
    `INSERT INTO needs_offers (id, origin_site, household_id, kind, category, detail, languages, slots, shareable, source, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'visitor', ?)`,
  );
  ctx.db
    .transaction(() => {
      for (const r of rows) {
        insert.run(
          ctx.ids.uuid(),
          site.id,
          r.household,
          r.kind,
          r.category,
          r.detail,
          JSON.stringify(r.languages),
          r.slots,
          r.shareable,
          r.at,
        );
      }
    })
    .immediate();
}
