import type { CatalogItem, KioskConfig, KioskSettingsInput, ReturningHousehold } from '../../shared/api/channels/intake';
import { DEFAULT_CONTACT_DAYS, HOUSEHOLD_FIELDS, IntakeRequest } from '../../shared/api/channels/intake';
import { householdSize, type Household } from '../../shared/domain/household';
import { SiteSettings } from '../../shared/domain/site';
import type { SlipView } from '../../shared/domain/slip';
import type { LocaleCode } from '../../shared/locales';
import { DAY_MS, dayNumber } from '../../shared/time';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { readSite, requireSite } from '../site/site-service';
import { AVAILABILITY_JOINS, AVAILABLE_SQL, availabilityJoinsOf } from '../inventory/available';
import { itemNameSql } from '../inventory/item-name';
import type { SlipService } from '../slips/slip-service';
import { reportSettings } from '../reports/settings';
import { forgetOldTefap, recordTefap, tefapSettings } from '../reports/tefap';
import { bandOf, householdQuestions } from '../../shared/reports/bands';

type HouseholdField = (typeof HOUSEHOLD_FIELDS)[number];

interface CatalogRow {
  id: string;
  name: string;
  untranslated: number;
  category: string | null;
  categoryIcon: string | null;
  unit: string;
  icon: string | null;
  available: number;
  limitQty: number | null;
  limitDays: number | null;
}

const catalogName = itemNameSql('i.id');

/**
 * The visitor's catalogue: every item still available (see available.ts), named in the visitor's
 * language. Reads the maintained stock and reservation tables only, never a slip line.
 */
export const CATALOG_SQL = `
  SELECT i.id, ${catalogName.name} AS name, ${catalogName.untranslated} AS untranslated,
         COALESCE(cn.name, cf.name) AS category, c.icon AS categoryIcon, i.unit, i.icon,
         i.limit_qty AS limitQty, i.limit_days AS limitDays, ${AVAILABLE_SQL} AS available
  FROM items i
  ${AVAILABILITY_JOINS}
  LEFT JOIN categories c ON c.id = i.category_id
  ${catalogName.joins}
  LEFT JOIN category_names cn ON cn.category_id = i.category_id AND cn.locale = @lang
  LEFT JOIN category_names cf ON cf.category_id = i.category_id AND cf.locale = @site
  WHERE i.archived_at IS NULL AND ${AVAILABLE_SQL} > 0
  ORDER BY c.sort, category, name`;

/**
 * The same rows for the items in @ids (a JSON array) only: what a submitted slip asks for is
 * checked against these, not against the whole catalogue (5,000 items at a busy hub), inside
 * the write transaction every other kiosk waits on, and only their open reservations are read.
 */
export const CATALOG_OF_SQL = CATALOG_SQL.replace(AVAILABILITY_JOINS, availabilityJoinsOf('@ids')).replace(
  'WHERE i.archived_at IS NULL',
  'WHERE i.id IN (SELECT value FROM json_each(@ids)) AND i.archived_at IS NULL',
);

interface IntakeSettingsRow {
  required_fields: string;
  returning_visitors: number;
  contact_days: number;
}

/** Where a returning visitor's household lives, and what that slip's visit said, found from the slip. */
interface ReturningRow {
  household_id: string;
  visit_id: string;
  adults: number | null;
  children: number | null;
  seniors: number | null;
  language: LocaleCode;
  /** 1 when the household keeps a name or phone: a fact the screen may know, never the details. */
  contact_on_file: number;
}

export class IntakeService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly slips: SlipService,
  ) {}

  /** The kiosk's settings: languages and idle time from the site, the rest from intake_settings. */
  config(): KioskConfig {
    const site = requireSite(this.ctx);
    const row = this.ctx.db.prepare('SELECT required_fields, returning_visitors, contact_days FROM intake_settings').get() as
      IntakeSettingsRow | undefined;
    const required = row ? (JSON.parse(row.required_fields) as string[]) : [];
    return {
      languages: site.settings.languages,
      siteLanguage: site.settings.siteLanguage,
      idleSeconds: site.settings.idleSeconds,
      maxHouseholdSize: site.settings.maxHouseholdSize,
      requiredFields: HOUSEHOLD_FIELDS.filter((f) => required.includes(f)),
      returningVisitors: row ? row.returning_visitors === 1 : true,
      contactDays: row?.contact_days ?? DEFAULT_CONTACT_DAYS,
      ageQuestions: this.ageQuestions(HOUSEHOLD_FIELDS.filter((f) => required.includes(f))),
      tefap: this.tefapQuestion(),
    };
  }

  private tefapQuestion() {
    const s = tefapSettings(this.ctx);
    return s.enabled ? { declaration: s.declaration, translations: s.translations } : null;
  }

  /** The site's bands as questions; asked in bands, a required answer is the band its age falls in. */
  private ageQuestions(required: readonly HouseholdField[]) {
    const settings = reportSettings(this.ctx);
    const bands = settings.ageBands;
    const requiredBands = new Set(required.map((f) => bandOf(bands, settings.legacyAges[f])));
    return householdQuestions(bands, settings.legacyAges).map((q, i) => ({ ...q, required: requiredBands.has(i) }));
  }

  /**
   * Forgets first names and phones of households whose last visit is older than the site's
   * contact_days: what the consent screen promises. Runs at start and at most once a day after.
   */
  forgetOldContacts(): number {
    if (!readSite(this.ctx)) return 0;
    const today = dayNumber(this.ctx.clock.now());
    this.lastForgetDay = today;
    const cutoff = new Date(this.ctx.clock.now().getTime() - this.config().contactDays * DAY_MS).toISOString();
    // TEFAP records go the same way, after the site's own retention period.
    forgetOldTefap(this.ctx);
    return this.ctx.db
      .prepare(
        'UPDATE households SET first_name = NULL, phone = NULL WHERE (first_name IS NOT NULL OR phone IS NOT NULL) AND last_visit_at < ?',
      )
      .run(cutoff).changes;
  }

  private lastForgetDay = -1;

  /** The coordinator's kiosk settings, saved together or not at all. */
  saveSettings(input: KioskSettingsInput): KioskConfig {
    this.ctx.db
      .transaction(() => {
        const site = requireSite(this.ctx);
        const languages = [...new Set(input.languages)];
        // The site language stays offered: volunteers and the "Start over" screen fall back to it.
        if (!languages.includes(site.settings.siteLanguage)) languages.push(site.settings.siteLanguage);
        const settings = SiteSettings.parse({ ...site.settings, languages, idleSeconds: input.idleSeconds });
        this.ctx.db.prepare('UPDATE site SET settings = ? WHERE singleton = 1').run(JSON.stringify(settings));
        this.ctx.db
          .prepare(
            `INSERT INTO intake_settings (singleton, required_fields, returning_visitors, contact_days, updated_at) VALUES (1, ?, ?, ?, ?)
             ON CONFLICT (singleton) DO UPDATE SET required_fields = excluded.required_fields,
               returning_visitors = excluded.returning_visitors, contact_days = excluded.contact_days,
               updated_at = excluded.updated_at`,
          )
          .run(JSON.stringify([...new Set(input.requiredFields)]), input.returningVisitors ? 1 : 0, input.contactDays, nowIso(this.ctx));
      })
      .immediate();
    // A shorter period applies at once.
    this.forgetOldContacts();
    return this.config();
  }

  /**
   * Items a visitor can ask for now: on hand minus what outstanding slips have reserved, named
   * in the visitor's language (falling back, visibly, to the site language). For a returning
   * household the limit is what is left of it in the limit period.
   */
  catalog(language: LocaleCode, returning?: string): CatalogItem[] {
    return this.catalogRows(language, returning ? this.findReturning(returning).household_id : null, null);
  }

  /** The catalogue, or only the items `ids` names, with limits counted for a household. */
  private catalogRows(language: LocaleCode, householdId: string | null, ids: string[] | null): CatalogItem[] {
    const site = requireSite(this.ctx);
    const params = { lang: language, site: site.settings.siteLanguage, today: dayNumber(this.ctx.clock.now()) };
    const rows = (
      ids === null
        ? this.ctx.db.prepare(CATALOG_SQL).all(params)
        : this.ctx.db.prepare(CATALOG_OF_SQL).all({ ...params, ids: JSON.stringify(ids) })
    ) as CatalogRow[];
    return rows.map((r) => ({
      ...r,
      untranslated: r.untranslated === 1,
      limit: r.limitQty === null ? null : Math.max(0, r.limitQty - this.takenInPeriod(householdId, r.id, r.limitDays)),
    }));
  }

  /** How much of an item a household's slips already hold within the item's limit period. */
  private takenInPeriod(householdId: string | null, itemId: string, limitDays: number | null): number {
    if (householdId === null) return 0;
    const today = dayNumber(this.ctx.clock.now());
    // No period means "per slip": earlier visits do not count.
    if (limitDays === null) return 0;
    const row = this.ctx.db
      .prepare(
        `SELECT COALESCE(SUM(l.qty), 0) AS taken FROM slips s JOIN slip_lines l ON l.slip_id = s.id
         WHERE s.household_id = ? AND s.issue_day > ? AND s.voided_at IS NULL AND l.item_id = ?`,
      )
      .get(householdId, today - limitDays, itemId) as { taken: number };
    return row.taken;
  }

  /**
   * A returning visitor's last slip, scanned (signed digits, verified) or typed (short code). Only
   * slips of this site are found; what comes back to the screen is that slip's counts and
   * language, and whether contact details are kept. A short code is no secret (it is printed,
   * and slips get lost), so nothing personal ever comes back for it.
   */
  private findReturning(code: string): ReturningRow {
    if (!this.config().returningVisitors) throw new AppError('intake.returning_off', 'returning visitors are turned off at this site');
    // lookup verifies the signature and refuses other sites' keys, forgeries and unknown codes.
    const slip = this.slips.lookup(code);
    const row = this.ctx.db
      .prepare(
        `SELECT s.household_id, s.visit_id, v.adults, v.children, v.seniors, s.language,
                (h.first_name IS NOT NULL AND trim(h.first_name) <> '') OR (h.phone IS NOT NULL AND trim(h.phone) <> '') AS contact_on_file
         FROM slips s JOIN visits v ON v.id = s.visit_id JOIN households h ON h.id = s.household_id WHERE s.id = ?`,
      )
      .get(slip.id) as ReturningRow | undefined;
    if (!row) throw new AppError('slip.not_found', 'no such slip at this site');
    return row;
  }

  returning(code: string): ReturningHousehold {
    const row = this.findReturning(code);
    const household: Household = {};
    if (row.adults !== null) household.adults = row.adults;
    if (row.children !== null) household.children = row.children;
    if (row.seniors !== null) household.seniors = row.seniors;
    const bands = this.ctx.db
      .prepare('SELECT age_from AS "from", age_to AS "to", count FROM visit_people WHERE visit_id = ? ORDER BY age_from')
      .all(row.visit_id) as { from: number; to: number | null; count: number }[];
    if (bands.length > 0) household.bands = bands;
    return { household, language: row.language, contactOnFile: row.contact_on_file === 1 };
  }

  /**
   * Records a walk-in visit with its needs and offers and issues its slip, all or nothing. The
   * same requestId twice (a double tap, a retried call) returns the first answer.
   *
   * A slip is what a visitor shows at the table to be helped, so it is issued only when they ask
   * for something (pantry items or another kind of help). A visit that only offers help is a real
   * visit all the same (mutual aid): recorded with its offers, and no slip (null). A visit that
   * asks for nothing and offers nothing is refused (intake.nothing_chosen): no empty slips.
   */
  submit(input: IntakeRequest): SlipView | null {
    // Parsed here too, so callers inside core (the demo seed) get the same defaults and checks.
    const req = IntakeRequest.parse(input);
    const site = requireSite(this.ctx);
    if (dayNumber(this.ctx.clock.now()) !== this.lastForgetDay) this.forgetOldContacts();
    return this.ctx.db
      .transaction(() => {
        const existing = this.ctx.db
          .prepare('SELECT s.id FROM visits v LEFT JOIN slips s ON s.visit_id = v.id WHERE v.request_id = ?')
          .get(req.requestId) as { id: string | null } | undefined;
        if (existing) return existing.id === null ? null : this.slips.view(existing.id);

        const config = this.config();
        const bands = req.household.bands ?? [];
        const siteBands = config.ageQuestions.map((q) => q.band);
        // Counts are kept by their ages, so only the site's own bands, each once, are taken.
        for (const [i, b] of bands.entries()) {
          const known = siteBands.some((s) => s.from === b.from && s.to === b.to);
          if (!known || bands.findIndex((o) => o.from === b.from) !== i) {
            throw new AppError('intake.bad_band', `household.bands: ${b.from}-${b.to ?? ''} is not one of the site's age bands`, {
              field: 'household.bands',
            });
          }
        }
        // Asked in the older answers, a required field is that answer; asked in bands, the band its age falls in.
        const legacy = config.ageQuestions.every((q) => q.field !== null);
        const { legacyAges } = reportSettings(this.ctx);
        for (const field of config.requiredFields) {
          const band = siteBands[bandOf(siteBands, legacyAges[field])];
          const answered = legacy ? req.household[field] !== undefined : bands.some((b) => b.from === band?.from);
          if (!answered) {
            throw new AppError('intake.required_field', `the site asks for ${field}`, { field });
          }
        }
        if (householdSize(req.household) > site.settings.maxHouseholdSize) {
          throw new AppError('intake.household_too_large', 'household larger than the site accepts', {
            max: site.settings.maxHouseholdSize,
          });
        }
        // What the visitor chose to say: needs only when asking, offers only when offering.
        const wantsNeeds = req.purpose !== 'offer';
        const wantsOffers = req.purpose !== 'need';
        const asks = wantsNeeds && (req.needs.length > 0 || req.otherNeeds.length > 0);
        if (!asks && !(wantsOffers && req.offers.length > 0)) {
          throw new AppError('intake.nothing_chosen', 'the visit asks for nothing and offers nothing');
        }
        const returning = req.returning ? this.findReturning(req.returning) : null;
        const lines = new Map<string, number>();
        for (const need of wantsNeeds ? req.needs : []) lines.set(need.itemId, (lines.get(need.itemId) ?? 0) + need.qty);
        const available = new Map(this.catalogRows(req.language, returning?.household_id ?? null, [...lines.keys()]).map((i) => [i.id, i]));
        for (const [itemId, qty] of lines) {
          const item = available.get(itemId);
          if (!item || item.available < qty) {
            throw new AppError('intake.item_unavailable', `not enough ${itemId}`, { item: item?.name ?? itemId });
          }
          if (item.limit !== null && qty > item.limit) {
            throw new AppError('intake.over_limit', `${itemId} is limited to ${item.limitQty ?? 0} per ${item.limitDays ?? 0} days`, {
              item: item.name,
              limit: item.limitQty ?? 0,
              days: item.limitDays ?? 0,
              allowed: item.limit,
            });
          }
        }

        const at = nowIso(this.ctx);
        const h = req.household;
        const firstName = req.contact.firstName || null;
        const phone = req.contact.phone || null;
        let householdId: string;
        if (returning) {
          // The same household, so limits count across its visits. The visit below records what
          // was said today; the household row is not rewritten: whoever holds the code (maybe
          // someone who found the slip) must not replace details they were never shown.
          householdId = returning.household_id;
          if (returning.contact_on_file === 1 && (firstName !== null || phone !== null)) {
            throw new AppError('intake.contact_on_file', 'a name or phone is already kept for this household');
          }
          this.ctx.db
            .prepare(
              'UPDATE households SET last_visit_at = ?, first_name = COALESCE(?, first_name), phone = COALESCE(?, phone) WHERE id = ?',
            )
            .run(at, firstName, phone, householdId);
        } else {
          householdId = this.ctx.ids.uuid();
          this.ctx.db
            .prepare(
              `INSERT INTO households (id, adults, children, seniors, first_name, phone, language, created_at, last_visit_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(householdId, h.adults ?? null, h.children ?? null, h.seniors ?? null, firstName, phone, req.language, at, at);
        }
        const visitId = this.ctx.ids.uuid();
        this.ctx.db
          .prepare(
            'INSERT INTO visits (id, household_id, language, request_id, at, adults, children, seniors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(visitId, householdId, req.language, req.requestId, at, h.adults ?? null, h.children ?? null, h.seniors ?? null);
        const person = this.ctx.db.prepare('INSERT INTO visit_people (visit_id, age_from, age_to, count) VALUES (?, ?, ?, ?)');
        for (const b of bands) person.run(visitId, b.from, b.to, b.count);
        recordTefap(this.ctx, { visitId, householdId, size: householdSize(req.household), language: req.language }, req.tefap);

        const insertNeedOffer = this.ctx.db.prepare(
          `INSERT INTO needs_offers (id, origin_site, visit_id, household_id, kind, category, detail, languages, availability, shareable, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        // The visitor's language travels with each entry so the board can match, say, a Dari
        // cooking offer with a Dari-speaking workshop.
        const languages = JSON.stringify([req.language]);
        if (wantsNeeds) {
          for (const n of req.otherNeeds) {
            insertNeedOffer.run(
              this.ctx.ids.uuid(),
              site.id,
              visitId,
              householdId,
              'need',
              n.category,
              n.detail || null,
              languages,
              null,
              n.shareable ? 1 : 0,
              at,
            );
          }
        }
        if (wantsOffers) {
          for (const o of req.offers) {
            const when = o.availability.length ? [...new Set(o.availability)].join(',') : null;
            insertNeedOffer.run(
              this.ctx.ids.uuid(),
              site.id,
              visitId,
              householdId,
              'offer',
              o.category,
              o.detail || null,
              languages,
              when,
              o.shareable ? 1 : 0,
              at,
            );
          }
        }

        if (!asks) return null;
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
