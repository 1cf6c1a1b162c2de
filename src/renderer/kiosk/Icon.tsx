/**
 * Simple inline SVG pictures that pair with words for visitors who do not read well. Emoji are
 * not used: they differ per OS and this kiosk's Chromium may have no emoji font at all.
 * Stroke drawings on a 24×24 grid, in currentColor so high contrast applies to them too.
 */
const PATHS = {
  // Pantry categories.
  can: 'M6 5h12v14H6z M6 8h12 M6 16h12 M8 5c0-1 8-1 8 0',
  grain:
    'M12 21V8 M12 8c-3-1-3-5 0-6c3 1 3 5 0 6z M12 13c-3 0-5-2-5-4c3 0 5 2 5 4z M12 13c3 0 5-2 5-4c-3 0-5 2-5 4z M12 18c-3 0-5-2-5-4c3 0 5 2 5 4z M12 18c3 0 5-2 5-4c-3 0-5 2-5 4z',
  carrot: 'M16 8L5 20c-1-1 0-4 1-5l6-9c1-2 3-2 4 0z M15 7l3-4 M16 8l4-2 M9 12l2 1 M7 15l2 1',
  milk: 'M8 3h8v3l2 3v12H6V9l2-3z M6 12h12',
  bread: 'M4 10c0-4 16-4 16 0c0 1-1 2-2 2v8H6v-8c-1 0-2-1-2-2z',
  protein: 'M4 12c0-4 4-7 8-7s8 3 8 7-4 7-8 7-8-3-8-7z M9 12a3 3 0 1 0 6 0a3 3 0 1 0-6 0',
  baby: 'M10 3h4v3h-4z M8 6h8l1 3v12H7V9z M7 13h10',
  soap: 'M5 11h14v9H5z M8 11V8h8v3 M10 8V5h4 M9 16h6',
  roll: 'M4 8a4 4 0 1 0 8 0a4 4 0 1 0-8 0 M8 4h10v12H8 M18 4c2 0 2 12 0 12 M7 8h2',
  paw: 'M12 20c-4 0-6-2-5-4s3-4 5-4 4 2 5 4-1 4-5 4z M6 10a1.5 2 0 1 0 3 0a1.5 2 0 1 0-3 0 M15 10a1.5 2 0 1 0 3 0a1.5 2 0 1 0-3 0 M9 6a1.5 2 0 1 0 3 0a1.5 2 0 1 0-3 0 M12 6a1.5 2 0 1 0 3 0a1.5 2 0 1 0-3 0',
  basket: 'M3 10h18l-2 10H5z M7 10l4-6 M17 10l-4-6 M9 14v3 M15 14v3 M12 14v3',
  // Other needs.
  diapers: 'M3 7h18v3c0 6-4 10-9 10S3 16 3 10z M3 10c4 0 6 2 6 5 M21 10c-4 0-6 2-6 5',
  clothing: 'M8 3l4 3 4-3 5 4-3 3-2-1v12H8V9l-2 1-3-3z',
  car: 'M3 16v-4l2-5h14l2 5v4z M3 16v3h3v-3 M18 16v3h3v-3 M5 12h14 M6 14h2 M16 14h2',
  house: 'M3 11l9-8 9 8 M5 9v12h14V9 M10 21v-6h4v6',
  speech: 'M3 5h12v8H8l-4 3v-3H3z M9 15v2h7l4 3v-3h1V9h-6',
  chair: 'M7 3v18 M7 12h10v9 M7 12V3h6v9 M7 16h10',
  plus: 'M12 4v16 M4 12h16',
  // Offers.
  pot: 'M4 9h16v7a4 4 0 0 1-4 4H8a4 4 0 0 1-4-4z M2 9h20 M9 5c0-2 6-2 6 0v4H9z',
  bike: 'M2 16a4 4 0 1 0 8 0a4 4 0 1 0-8 0 M14 16a4 4 0 1 0 8 0a4 4 0 1 0-8 0 M6 16l4-7h6l2 7 M10 9l3 7h-7 M14 6h3',
  child: 'M9 5a3 3 0 1 0 6 0a3 3 0 1 0-6 0 M8 11h8 M12 9v7 M12 16l-3 5 M12 16l3 5 M8 11l-2 3 M16 11l2 3',
  wrench: 'M14 4a5 5 0 0 0-4 7L3 18l3 3 7-7a5 5 0 0 0 7-4l-3 1-2-2 1-3z',
  box: 'M3 7l9-4 9 4v10l-9 4-9-4z M3 7l9 4 9-4 M12 11v10',
  // Purpose.
  hand: 'M4 14l4 4h9l4-6-2-1-3 3h-4 M8 18v-5l3-3h4l1 2h-4 M3 13h2v7H3z',
  heart: 'M12 20l-7-7a4.5 4.5 0 0 1 7-6a4.5 4.5 0 0 1 7 6z',
  both: 'M8 17l-5-5a3.2 3.2 0 0 1 5-4a3.2 3.2 0 0 1 5 4z M16 20l-4-4 M16 20l5-5-2-2-3 3 M13 13h4l1 2',
  // Household.
  adult: 'M9 5a3 3 0 1 0 6 0a3 3 0 1 0-6 0 M7 21v-8a5 5 0 0 1 10 0v8 M12 13v8',
  senior: 'M8 5a3 3 0 1 0 6 0a3 3 0 1 0-6 0 M6 21v-8a5 5 0 0 1 8-4 M17 11v10 M15 11h2',
  // When, contact, slips.
  sunrise: 'M3 18h18 M6 18a6 6 0 0 1 12 0 M12 5v3 M5 9l2 2 M19 9l-2 2',
  sun: 'M8 12a4 4 0 1 0 8 0a4 4 0 1 0-8 0 M12 2v3 M12 19v3 M2 12h3 M19 12h3 M5 5l2 2 M17 17l2 2 M19 5l-2 2 M7 17l-2 2',
  moon: 'M20 14A8 8 0 1 1 10 4a6 6 0 0 0 10 10z',
  calendar: 'M4 6h16v14H4z M4 10h16 M8 3v5 M16 3v5',
  phone: 'M7 3h10v18H7z M11 18h2',
  lock: 'M6 11h12v10H6z M8 11V8a4 4 0 0 1 8 0v3',
  ticket: 'M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4z M9 7v10',
  text: 'M4 7V5h16v2 M12 5v14 M9 19h6',
  contrast: 'M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0 M12 3v18 M12 3a9 9 0 0 1 0 18z',
  globe: 'M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0 M3 12h18 M12 3c3 3 3 15 0 18 M12 3c-3 3-3 15 0 18',
  share: 'M6 12a2 2 0 1 0 0.1 0 M18 6a2 2 0 1 0 0.1 0 M18 18a2 2 0 1 0 0.1 0 M8 11l8-4 M8 13l8 4',
  keyboard: 'M2 6h20v12H2z M5 9h1 M8 9h1 M11 9h1 M14 9h1 M17 9h1 M5 12h1 M17 12h1 M8 15h8',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 40 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

/** The demo catalogue stores a category emoji; map it to our drawing, or a basket. */
const CATEGORY_ICONS: Record<string, IconName> = {
  '🥫': 'can',
  '🌾': 'grain',
  '🥕': 'carrot',
  '🥛': 'milk',
  '🍞': 'bread',
  '🍗': 'protein',
  '🍼': 'baby',
  '🧼': 'soap',
  '🧻': 'roll',
  '🐾': 'paw',
};

export function categoryIcon(emoji: string | null): IconName {
  return (emoji && CATEGORY_ICONS[emoji]) || 'basket';
}

export const NEED_ICONS: Record<string, IconName> = {
  diapers: 'diapers',
  formula: 'baby',
  hygiene: 'soap',
  pet_food: 'paw',
  clothing: 'clothing',
  ride: 'car',
  housing: 'house',
  translation: 'speech',
  childcare: 'child',
  furniture: 'chair',
  other: 'plus',
};

export const OFFER_ICONS: Record<string, IconName> = {
  cooking: 'pot',
  ride: 'car',
  translation: 'speech',
  bike_repair: 'bike',
  childcare: 'child',
  repairs: 'wrench',
  goods: 'box',
  other: 'plus',
};

export const AVAILABILITY_ICONS: Record<string, IconName> = {
  mornings: 'sunrise',
  afternoons: 'sun',
  evenings: 'moon',
  weekends: 'calendar',
};
