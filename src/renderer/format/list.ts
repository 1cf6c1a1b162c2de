/**
 * A list for display, joined the way the reader's language joins one: "translation and driving",
 * "الترجمة والقيادة", "翻译和开车". Every list shown to a person goes through here, never a join(', ').
 */
export function formatList(items: readonly string[], language: string, type: 'conjunction' | 'unit' = 'conjunction'): string {
  return new Intl.ListFormat(language, { style: 'long', type }).format(items);
}
