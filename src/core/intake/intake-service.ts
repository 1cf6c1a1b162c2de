import type { CatalogItem } from '../../shared/api/channels/intake';
import { householdSize } from '../../shared/domain/household';
import type { SlipView } from '../../shared/domain/slip';
import type { LocaleCode } from '../../shared/locales';
import { dayNumber } from '../../shared/slips/payload';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { requireSite } from '../site/site-service';
import type { SlipService } from '../slips/slip-service';
import type { z } from 'zod';
import type { IntakeRequest } from '../../shared/api/channels/intake';

type ParsedIntake = z.output<typeof IntakeRequest>;

interface CatalogRow {
  id: string;
  name: string;
  untranslated: number;
  category: string | null;
  unit: string;
  icon: string | null;
  available: number;
  limit: number | null;
}

export class IntakeService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly slips: SlipService,
  ) {}

  /**
   * Items a visitor can ask for now: on hand minus what outstanding slips have reserved, named
   * in the visitor's language (falling back, visibly, to the site language).
   */
  catalog(language: LocaleCode): CatalogItem[] {
    const site = requireSite(this.ctx);
    const rows = this.ctx.db
      .prepare(
        `SELECT i.id, COALESCE(n.name, f.name, i.id) AS name, n.name IS NULL AS untranslated,
                COALESCE(cn.name, cf.name) AS category, i.unit, i.icon, i.limit_qty AS "limit",
                COALESCE((SELECT SUM(o.qty) FROM on_hand o WHERE o.item_id = i.id), 0)
                - COALESCE((SELECT SUM(l.qty) FROM slip_lines l JOIN slips s ON s.id = l.slip_id
                            WHERE l.item_id = i.id AND s.voided_at IS NULL AND s.expiry_day >= @today
                              AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.slip_id = s.id)), 0) AS available
         FROM items i
         LEFT JOIN item_names n ON n.item_id = i.id AND n.locale = @lang
         LEFT JOIN item_names f ON f.item_id = i.id AND f.locale = @site
         LEFT JOIN category_names cn ON cn.category_id = i.category_id AND cn.locale = @lang
         LEFT JOIN category_names cf ON cf.category_id = i.category_id AND cf.locale = @site
         WHERE i.archived_at IS NULL
         ORDER BY category, name`,
      )
      .all({ lang: language, site: site.settings.siteLanguage, today: dayNumber(this.ctx.clock.now()) }) as CatalogRow[];
    return rows
      .filter((r) => r.available > 0)
      .map((r) => ({ ...r, untranslated: r.untranslated === 1 }));
  }

  /**
   * Records a walk-in visit and issues its slip, all or nothing. The same requestId twice (a
   * double tap, a retried call) returns the first slip instead of making a second.
   */
  submit(req: ParsedIntake): SlipView {
    const site = requireSite(this.ctx);
    return this.ctx.db
      .transaction(() => {
        const existing = this.ctx.db
          .prepare('SELECT s.id FROM visits v JOIN slips s ON s.visit_id = v.id WHERE v.request_id = ?')
          .get(req.requestId) as { id: string } | undefined;
        if (existing) return this.slips.view(existing.id);

        if (householdSize(req.household) > site.settings.maxHouseholdSize) {
          throw new AppError('intake.household_too_large', 'household larger than the site accepts', {
            max: site.settings.maxHouseholdSize,
          });
        }
        const available = new Map(this.catalog(req.language).map((i) => [i.id, i]));
        const lines = new Map<string, number>();
        for (const need of req.needs) lines.set(need.itemId, (lines.get(need.itemId) ?? 0) + need.qty);
        for (const [itemId, qty] of lines) {
          const item = available.get(itemId);
          if (!item || item.available < qty) {
            throw new AppError('intake.item_unavailable', `not enough ${itemId}`, { item: item?.name ?? itemId });
          }
          if (item.limit !== null && qty > item.limit) {
            throw new AppError('intake.over_limit', `${itemId} is limited to ${item.limit}`, {
              item: item.name,
              limit: item.limit,
            });
          }
        }

        const at = nowIso(this.ctx);
        const householdId = this.ctx.ids.uuid();
        this.ctx.db
          .prepare(
            `INSERT INTO households (id, adults, children, seniors, language, created_at, last_visit_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            householdId,
            req.household.adults ?? null,
            req.household.children ?? null,
            req.household.seniors ?? null,
            req.language,
            at,
            at,
          );
        const visitId = this.ctx.ids.uuid();
        this.ctx.db
          .prepare('INSERT INTO visits (id, household_id, language, request_id, at) VALUES (?, ?, ?, ?, ?)')
          .run(visitId, householdId, req.language, req.requestId, at);
        const slipId = this.slips.issue({
          visitId,
          householdId,
          language: req.language,
          lines: [...lines].map(([itemId, qty]) => ({ itemId, qty })),
        });
        return this.slips.view(slipId);
      })
      .immediate();
  }
}
