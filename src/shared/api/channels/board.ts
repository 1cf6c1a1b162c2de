import { z } from 'zod';
import { channel } from '../channel';
import { MessageParams } from '../params';
import { LocaleCode } from '../../domain/site';

/**
 * The needs and offers board. Everything here is what a volunteer may see; names and phone
 * numbers never travel in these shapes. Only 'board.contact' (coordinator only) returns them.
 */

/** Categories the board knows by name; rows written elsewhere may carry any other text. */
export const BOARD_CATEGORIES = [
  'ride',
  'translation',
  'forms',
  'childcare',
  'cooking',
  'furniture',
  'baby',
  'clothing',
  'repairs',
  'tutoring',
  'company',
  'pantry',
  'other',
] as const;

/** A category: a known key or, from intake rows, any short text (matched after normalising). */
export const Category = z.string().trim().toLowerCase().min(1).max(40);

/**
 * Weekly availability as a bit mask: bit (day * 3 + part), day 0 = Monday … 6 = Sunday,
 * part 0 = morning, 1 = afternoon, 2 = evening. null = not stated.
 */
export const SLOT_BITS = 21;
export const ALL_SLOTS = (1 << SLOT_BITS) - 1;
export const Slots = z.number().int().min(1).max(ALL_SLOTS);

const IsoDate = z.iso.date();

export const WHY_CODES = [
  'category',
  'language',
  'language_unstated',
  'time',
  'time_unstated',
  'dates',
  'free',
  'busy',
  'waiting',
] as const;
export const Why = z.object({
  code: z.enum(WHY_CODES),
  params: MessageParams,
});
export type Why = z.infer<typeof Why>;

export const EntrySource = z.enum(['visitor', 'volunteer', 'pantry']);

/** What a board entry is: someone needs something, or someone offers it. */
export const EntryKind = z.enum(['need', 'offer']);
export type EntryKind = z.infer<typeof EntryKind>;

export const BoardEntry = z.object({
  id: z.string(),
  kind: EntryKind,
  category: z.string(),
  detail: z.string().nullable(),
  /** The pantry item a "we need" entry is about, named in the site language. */
  itemName: z.string().nullable(),
  languages: z.array(z.string()),
  /** The words said at intake, shown as said. */
  availability: z.string().nullable(),
  /** Structured weekly availability (given, or read from the words); null when unknown. */
  slots: z.number().int().nullable(),
  dateFrom: IsoDate.nullable(),
  dateUntil: IsoDate.nullable(),
  /** The household's latest slip code: how the hub refers to people on the board. */
  shortCode: z.string().nullable(),
  /** True when the person gave a name or phone: the coordinator can then ask for it. */
  hasContact: z.boolean(),
  shareable: z.boolean(),
  source: EntrySource,
  /**
   * The hub an exchange copied this entry from, by name; null for this hub's own. Only the
   * owning hub may renew it, take it off or match it: here it is for reading.
   */
  fromHub: z.string().nullable(),
  status: z.enum(['open', 'met', 'withdrawn']),
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
});
export type BoardEntry = z.infer<typeof BoardEntry>;

export const Suggestion = z.object({
  rank: z.number().int().min(1),
  offer: BoardEntry,
  why: z.array(Why),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const MATCH_STATES = ['suggested', 'agreed', 'done', 'didnt_happen'] as const;
export const MatchState = z.enum(MATCH_STATES);
export const DIDNT_HAPPEN_REASONS = ['no_contact', 'declined', 'not_needed', 'no_show', 'other'] as const;
export const DidntHappenReason = z.enum(DIDNT_HAPPEN_REASONS);

export const BoardMatch = z.object({
  id: z.string(),
  state: MatchState,
  reason: DidntHappenReason.nullable(),
  need: BoardEntry,
  offer: BoardEntry,
  why: z.array(Why),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BoardMatch = z.infer<typeof BoardMatch>;

export const NeedWithSuggestions = BoardEntry.extend({
  /** The match in progress for this need (suggested or agreed), if any. */
  activeMatchId: z.string().nullable(),
  suggestions: z.array(Suggestion),
});

/** Entries a board page carries: a screenful, so the first page answers and paints at once. */
export const BOARD_PAGE = 12;
export const BOARD_PAGE_MAX = 200;
/** Where the next page starts: the last entry's creation time and id (newest first, then id). */
export const BoardCursor = z.string().regex(/^[^|]{1,40}\|[^|]{1,64}$/);

/**
 * The board's first page of needs and of offers, the matches, and how many entries each list
 * has; `needsNext`/`offersNext` fetch the following pages through 'board.page'.
 */
export const BoardView = z.object({
  needs: z.array(NeedWithSuggestions),
  offers: z.array(BoardEntry),
  needsTotal: z.number().int(),
  offersTotal: z.number().int(),
  needsNext: BoardCursor.nullable(),
  offersNext: BoardCursor.nullable(),
  matches: z.array(BoardMatch),
  expiryDays: z.number().int(),
});
export type BoardView = z.infer<typeof BoardView>;

/** A following page of one list: `needs` for kind 'need', `offers` for kind 'offer'. */
export const BoardPage = z.object({
  needs: z.array(NeedWithSuggestions),
  offers: z.array(BoardEntry),
  next: BoardCursor.nullable(),
});
export type BoardPage = z.infer<typeof BoardPage>;
const PageLimit = z.number().int().min(1).max(BOARD_PAGE_MAX).default(BOARD_PAGE);

export const BoardSettings = z.object({
  /** Days a need or offer stays on the board unless renewed. */
  expiryDays: z.number().int().min(1).max(365),
  /** How far back "often asked for" looks. */
  gapDays: z.number().int().min(1).max(90),
  /** Slips in that window that must ask for an item before it counts as often asked for. */
  gapMinAsks: z.number().int().min(1).max(1000),
});
export type BoardSettings = z.infer<typeof BoardSettings>;

export const NewEntry = z
  .object({
    kind: EntryKind,
    category: Category,
    detail: z.string().trim().max(200).nullable().default(null),
    languages: z.array(LocaleCode).max(12).default([]),
    slots: Slots.nullable().default(null),
    availability: z.string().trim().max(120).nullable().default(null),
    dateFrom: IsoDate.nullable().default(null),
    dateUntil: IsoDate.nullable().default(null),
    shareable: z.boolean().default(false),
  })
  .refine((e) => e.dateFrom === null || e.dateUntil === null || e.dateFrom <= e.dateUntil, {
    message: 'dateFrom after dateUntil',
    path: ['dateUntil'],
  });
export type NewEntry = z.input<typeof NewEntry>;

export const PantryGap = z.object({
  itemId: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  unit: z.string(),
  /** Slips in the window that asked for it. */
  asks: z.number().int(),
  /** On hand minus what outstanding slips already promised: what a visitor could still get. */
  available: z.number().int(),
  /** The open "we need" board entry for it, once published. */
  entryId: z.string().nullable(),
  /** Distribution days it lasts at the recent pace (month.forecast); null: nothing given lately. */
  daysLeft: z.number().int().nullable(),
});
export type PantryGap = z.infer<typeof PantryGap>;

export const PublicItem = z.object({ itemId: z.string(), name: z.string(), unit: z.string() });
export const PublicView = z.object({
  siteName: z.string(),
  languages: z.array(LocaleCode),
  have: z.array(PublicItem),
  need: z.array(PublicItem),
  /** Categories people need help with that no open offer covers yet. Counts only. */
  offersWanted: z.array(z.object({ category: z.string(), needs: z.number().int() })),
});
export type PublicView = z.infer<typeof PublicView>;

const Id = z.string().min(1).max(64);

export const BOARD_ERRORS = [
  'board.not_found',
  'board.not_open',
  'board.no_longer_fits',
  'board.already_matched',
  'board.bad_transition',
  'board.reason_needed',
  'board.other_hub',
] as const;

export const boardChannels = {
  'board.list': channel({ input: z.object({ limit: PageLimit }), output: BoardView, access: ['intake', 'coordinator'] }),
  'board.page': channel({
    input: z.object({ kind: EntryKind, after: BoardCursor, limit: PageLimit }),
    output: BoardPage,
    access: ['intake', 'coordinator'],
  }),
  'board.suggest': channel({
    input: z.object({ needId: Id, limit: z.number().int().min(1).max(50).default(10) }),
    output: z.array(Suggestion),
    access: ['intake', 'coordinator'],
  }),
  'board.add': channel({ input: NewEntry, output: BoardEntry, access: ['intake', 'coordinator'] }),
  'board.renew': channel({ input: z.object({ id: Id }), output: BoardEntry, access: ['intake', 'coordinator'] }),
  'board.withdraw': channel({ input: z.object({ id: Id }), output: BoardEntry, access: ['intake', 'coordinator'] }),
  'board.propose': channel({
    input: z.object({ needId: Id, offerId: Id }),
    output: BoardMatch,
    access: ['intake', 'coordinator'],
  }),
  'board.advance': channel({
    input: z.object({
      matchId: Id,
      to: z.enum(['agreed', 'done', 'didnt_happen']),
      reason: DidntHappenReason.nullable().default(null),
    }),
    output: BoardMatch,
    access: ['intake', 'coordinator'],
  }),
  /** Name and phone, only if the person gave them, only for the coordinator (checked in core). */
  'board.contact': channel({
    input: z.object({ id: Id }),
    output: z.object({ firstName: z.string().nullable(), phone: z.string().nullable() }),
    access: ['coordinator'],
  }),
  'board.settings': channel({ input: z.object({}), output: BoardSettings, access: ['intake', 'coordinator'] }),
  'board.set_settings': channel({ input: BoardSettings, output: BoardSettings, access: ['coordinator'] }),
  'board.gaps': channel({ input: z.object({}), output: z.array(PantryGap), access: ['intake', 'stock', 'coordinator'] }),
  'board.publish_gap': channel({ input: z.object({ itemId: Id }), output: BoardEntry, access: ['stock', 'coordinator'] }),
  /** The waiting-room screen: public, aggregate, no personal data. */
  'board.public': channel({ input: z.object({ language: LocaleCode }), output: PublicView, access: 'public' }),
};
