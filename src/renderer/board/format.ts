import type { TFunction } from 'i18next';
import { ALL_SLOTS, BOARD_CATEGORIES } from '../../shared/api/channels/board';
import { LOCALES } from '../../shared/locales';
import { formatList as list } from '../format/list';

export const PARTS = ['morning', 'afternoon', 'evening'] as const;

/** Weekday names from the browser's own data: 1 January 2024 was a Monday. */
export function dayName(day: number, language: string, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + day)));
}

/** "Tuesday (morning, afternoon), Saturday" in the volunteer's language. */
export function formatSlots(slots: number, t: TFunction, language: string): string {
  if (slots === ALL_SLOTS) return t('board:anyTime');
  const days: string[] = [];
  for (let d = 0; d < 7; d += 1) {
    const parts = PARTS.filter((_, p) => slots & (1 << (d * 3 + p)));
    if (parts.length === 0) continue;
    days.push(
      parts.length === 3
        ? dayName(d, language)
        : `${dayName(d, language)} (${list(
            parts.map((p) => t(`board:part.${p}`)),
            language,
          )})`,
    );
  }
  return list(days, language);
}

export function categoryLabel(category: string, t: TFunction): string {
  // Intake may write categories the board does not know: show them as written.
  return (BOARD_CATEGORIES as readonly string[]).includes(category) ? t(`board:categories.${category}`) : category;
}

export function languageNames(codes: readonly string[], language: string): string {
  return list(
    codes.map((c) => LOCALES.find((l) => l.code === c)?.name ?? c),
    language,
  );
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(iso));
}
