import { ALL_SLOTS } from '../../shared/api/channels/board';

/**
 * Reads the free-text availability intake records ("Tuesday morning", "weekday evenings",
 * "sábados") into the weekly slot mask. Deliberately broad: days × parts of day, so
 * "Monday morning and Friday evening" reads as both parts on both days. A broad reading can
 * only add a suggestion a volunteer then checks; it never hides one. Text it cannot read gives
 * null ("time not stated"), which the matcher treats as unknown rather than as a mismatch.
 */

// Arabic, Dari (Persian script) and Urdu day names are listed as written after normalising
// (see below): Persian "سه‌شنبه" / "سه شنبه" both become "سهشنبه", so it never reads as
// "شنبه" (Saturday). Words that also mean something else are left out on purpose: Arabic
// "اثنين" (two) and "أحد" (someone), Urdu "پیر" (also "old" in Dari) and "ہفتہ" (also "week").
// Misreading would narrow the time and hide a suggestion; not reading only says "not stated".
const DAY_WORDS: readonly (readonly string[])[] = [
  ['monday', 'mon', 'lunes', 'lundi', 'segunda', 'الاثنين', 'الإثنين', 'دوشنبه', 'سوموار'],
  ['tuesday', 'tue', 'tues', 'martes', 'mardi', 'terça', 'terca', 'الثلاثاء', 'ثلاثاء', 'سهشنبه', 'منگل'],
  ['wednesday', 'wed', 'miércoles', 'miercoles', 'mercredi', 'quarta', 'الأربعاء', 'الاربعاء', 'أربعاء', 'چهارشنبه', 'بدھ'],
  ['thursday', 'thu', 'thur', 'thurs', 'jueves', 'jeudi', 'quinta', 'الخميس', 'خميس', 'پنجشنبه', 'جمعرات'],
  ['friday', 'fri', 'viernes', 'vendredi', 'sexta', 'الجمعة', 'جمعة', 'جمعه', 'جمعہ'],
  ['saturday', 'sat', 'sábado', 'sabado', 'samedi', 'السبت', 'سبت', 'شنبه'],
  ['sunday', 'sun', 'domingo', 'dimanche', 'الأحد', 'الاحد', 'یکشنبه', 'اتوار'],
];
const PART_WORDS: readonly (readonly string[])[] = [
  ['morning', 'am', 'mañana', 'manana', 'matin', 'manhã', 'manha', 'صباح', 'صباحا', 'الصباح', 'صبح'],
  ['afternoon', 'midday', 'noon', 'pm', 'tarde', 'après-midi', 'apres-midi', 'aprèm', 'الظهر', 'العصر', 'عصر', 'بعدازظهر', 'چاشت', 'دوپہر'],
  ['evening', 'night', 'tonight', 'noche', 'soir', 'soirée', 'soiree', 'noite', 'مساء', 'المساء', 'مساءا', 'ليلا', 'الليل', 'شب', 'شام'],
];
const WEEKDAY_WORDS = ['weekday', 'weekdays', 'semana', 'semaine'];
const WEEKEND_WORDS = ['weekend', 'weekends', 'week-end', 'week-ends'];
const ANY_WORDS = ['anytime', 'any', 'flexible', 'daily', 'everyday', 'always', 'cualquier', 'siempre', 'toujours', 'quand'];

/** Strips a plural "s" so "Saturdays" and "mornings" read like their singulars. */
function stem(word: string): string[] {
  return word.length > 3 && word.endsWith('s') ? [word, word.slice(0, -1)] : [word];
}

export function dayMask(day: number): number {
  return 0b111 << (day * 3);
}

export function partMask(part: number): number {
  let m = 0;
  for (let d = 0; d < 7; d += 1) m |= 1 << (d * 3 + part);
  return m;
}

export function parseAvailability(text: string | null | undefined): number | null {
  if (!text) return null;
  const words = text
    .toLowerCase()
    .normalize('NFC')
    // Arabic-script short vowels and tanween ("صباحًا") are marks, not letters: drop them.
    .replace(/[\u064B-\u065F\u0670]/g, '')
    // Persian compound day names: "سه‌شنبه" (with a zero-width non-joiner) or "سه شنبه".
    .replace(/(یک|دو|سه|چهار|پنج)[\s\u200c]*شنبه/g, '$1شنبه')
    .replace(/بعد[\s\u200c]*از[\s\u200c]*ظهر/g, 'بعدازظهر')
    .split(/[^\p{L}-]+/u)
    .filter(Boolean)
    .flatMap(stem);
  let days = 0;
  let parts = 0;
  let any = false;
  for (const w of words) {
    DAY_WORDS.forEach((names, d) => {
      if (names.includes(w)) days |= 1 << d;
    });
    PART_WORDS.forEach((names, p) => {
      if (names.includes(w)) parts |= 1 << p;
    });
    if (WEEKDAY_WORDS.includes(w)) days |= 0b0011111;
    if (WEEKEND_WORDS.includes(w)) days |= 0b1100000;
    if (ANY_WORDS.includes(w)) any = true;
  }
  if (days === 0 && parts === 0) return any ? ALL_SLOTS : null;
  if (days === 0) days = 0b1111111;
  if (parts === 0) parts = 0b111;
  let mask = 0;
  for (let d = 0; d < 7; d += 1) {
    if (!(days & (1 << d))) continue;
    for (let p = 0; p < 3; p += 1) if (parts & (1 << p)) mask |= 1 << (d * 3 + p);
  }
  return mask;
}

export function popcount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
