import chinese from 'simple-keyboard-layouts/build/layouts/chinese';
/**
 * On-screen keyboard layouts for the shipped scripts. Latin languages share QWERTY plus a row of
 * the letters their words need; Arabic, Dari (Persian script) and Urdu get their standard
 * layouts; Ukrainian gets ЙЦУКЕН. Chinese gets Latin letters for pinyin, and a row of
 * candidate characters for what was typed (see pinyinCandidates below).
 */
export interface KeyboardLayout {
  default: string[];
  shift?: string[];
}

const LATIN = ['1 2 3 4 5 6 7 8 9 0', 'q w e r t y u i o p {bksp}', "a s d f g h j k l '", '{shift} z x c v b n m , . -', '{space}'];
const LATIN_SHIFT = ['1 2 3 4 5 6 7 8 9 0', 'Q W E R T Y U I O P {bksp}', "A S D F G H J K L '", '{shift} Z X C V B N M , . -', '{space}'];

const ACCENTS: Record<string, string> = {
  es: 'á é í ó ú ñ ü',
  fr: 'é è ê à â ç ô î ù',
  pt: 'á à â ã é ê í ó ô õ ú ç',
  vi: 'ă â đ ê ô ơ ư á à ả ã ạ',
  ht: 'è ò à',
};

function latin(lang: string): KeyboardLayout {
  const accents = ACCENTS[lang];
  if (!accents) return { default: LATIN, shift: LATIN_SHIFT };
  return { default: [accents, ...LATIN], shift: [accents.toUpperCase(), ...LATIN_SHIFT] };
}

const SCRIPTS: Record<string, KeyboardLayout> = {
  // Hamza forms sit on the first layer (أ starts half the words); shift has the vowel marks,
  // Latin digits and punctuation, as on a standard Arabic keyboard's shift layer.
  ar: {
    default: [
      '١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩ ٠',
      'ض ص ث ق ف غ ع ه خ ح ج {bksp}',
      'ش س ي ب ل ا ت ن م ك ط',
      '{shift} ئ ء ؤ ر ى ة و ز ظ د ذ',
      'أ إ آ {space} ، .',
    ],
    shift: [
      '1 2 3 4 5 6 7 8 9 0',
      '\u064E \u064B \u064F \u064C \u0650 \u064D \u0651 \u0652 {bksp}',
      'أ إ آ ؤ ئ ء ى ة',
      '{shift} ؟ ! ؛ : ( ) - / @',
      '{space} ، .',
    ],
  },
  fa: {
    default: [
      '۱ ۲ ۳ ۴ ۵ ۶ ۷ ۸ ۹ ۰',
      'ض ص ث ق ف غ ع ه خ ح ج چ {bksp}',
      'ش س ی ب ل ا ت ن م ک گ',
      '{shift} ظ ط ز ر ذ د پ و ژ آ',
      '{zwnj} {space} ، .',
    ],
    shift: [
      '1 2 3 4 5 6 7 8 9 0',
      'ء أ إ ؤ ئ ة ي ك {bksp}',
      '\u064E \u064F \u0650 \u0651 \u064B \u0652',
      '{shift} ؟ ! ؛ : ( ) - / @',
      '{zwnj} {space} ، .',
    ],
  },
  ur: {
    default: ['۱ ۲ ۳ ۴ ۵ ۶ ۷ ۸ ۹ ۰', 'ق و ع ر ت ے ء ی ہ پ {bksp}', 'ا س د ف گ ح ج ک ل', '{shift} ز ش چ ط ب ن م ٹ ڈ ڑ ں ھ', '{space} ، ۔'],
    shift: ['1 2 3 4 5 6 7 8 9 0', 'آ أ ؤ ئ ۓ ث ذ ض ظ {bksp}', 'ص خ غ ژ ۃ \u0651', '{shift} ؟ ! ؛ : ( ) - / @', '{space} ، ۔'],
  },
  uk: {
    default: ['1 2 3 4 5 6 7 8 9 0', 'й ц у к е н г ш щ з х ї {bksp}', 'ф і в а п р о л д ж є', "{shift} я ч с м и т ь б ю ' ґ", '{space}'],
    shift: ['1 2 3 4 5 6 7 8 9 0', 'Й Ц У К Е Н Г Ш Щ З Х Ї {bksp}', 'Ф І В А П Р О Л Д Ж Є', "{shift} Я Ч С М И Т Ь Б Ю ' Ґ", '{space}'],
  },
};

/** Barcodes: digits, and a space between two codes. */
export const BARCODE_LAYOUT: KeyboardLayout = { default: ['1 2 3', '4 5 6', '7 8 9', '{space} 0 {bksp}'] };

/** A number pad: a minus key only where the number may be negative, a decimal point only where it may be a fraction. */
export function numberPad({ negative, decimal }: { negative: boolean; decimal: boolean }): KeyboardLayout {
  return { default: ['1 2 3', '4 5 6', '7 8 9', [negative ? '-' : '', '0', decimal ? '.' : '', '{bksp}'].filter(Boolean).join(' ')] };
}

/** Plain ASCII, whatever the reader's script: a folder path, a site's code, a passphrase typed in Latin letters. */
export const ASCII_LAYOUT: KeyboardLayout = {
  default: ['1 2 3 4 5 6 7 8 9 0', 'q w e r t y u i o p {bksp}', 'a s d f g h j k l : \\', '{shift} z x c v b n m . - _ /', '{space}'],
  shift: ['! @ # $ % & * ( ) =', 'Q W E R T Y U I O P {bksp}', 'A S D F G H J K L ; +', "{shift} Z X C V B N M , ? ' ~", '{space}'],
};

/** Digits for a phone number, in the same order everywhere (as on a phone). */
export const PHONE_LAYOUT: KeyboardLayout = { default: ['1 2 3', '4 5 6', '7 8 9', '+ 0 {bksp}'] };

/** Digits only for a PIN: no "+" key that the field would drop anyway. */
export const PIN_LAYOUT: KeyboardLayout = { default: ['1 2 3', '4 5 6', '7 8 9', '0 {bksp}'] };

/** The short code's alphabet only: no look-alikes to mistype. */
export const SHORT_CODE_LAYOUT: KeyboardLayout = {
  default: ['2 3 4 5 6 7 8 9', 'A B C D E F G H J K', 'M N P Q R S T W X Y Z', '- {bksp}'],
};

export function layoutFor(lang: string): KeyboardLayout {
  return SCRIPTS[lang] ?? latin(lang);
}

// Pinyin → characters for the Chinese keyboard: the table simple-keyboard's own Chinese layout
// ships (from pinyinjs, MIT), most common characters first.

const PINYIN = (chinese as { layoutCandidates?: Record<string, string> }).layoutCandidates ?? {};
const MAX_CANDIDATES = 10;

/**
 * What a Chinese reader can pick after typing pinyin on the on-screen keyboard: the trailing
 * Latin letters of `value` and the characters they spell. Empty for other languages.
 */
export function pinyinCandidates(lang: string, value: string): { pinyin: string; characters: string[] } {
  if (lang !== 'zh-Hans') return { pinyin: '', characters: [] };
  const pinyin = /[a-z]+$/i.exec(value)?.[0] ?? '';
  const list = PINYIN[pinyin.toLowerCase()];
  return { pinyin, characters: list ? list.split(' ').filter(Boolean).slice(0, MAX_CANDIDATES) : [] };
}
