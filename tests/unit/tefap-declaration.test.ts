import { describe, expect, it } from 'vitest';
import { declarationFor } from '../../src/shared/reports/report';

describe('the TEFAP declaration a visitor reads and signs', () => {
  const tefap = { declaration: 'I declare…', translations: { es: 'Declaro…', ar: '' } };

  it("is the state's text in her language where the site entered it", () => {
    expect(declarationFor(tefap, 'es')).toBe('Declaro…');
  });

  it("is the site's own text for any other language, or an empty translation", () => {
    expect(declarationFor(tefap, 'fr')).toBe('I declare…');
    expect(declarationFor(tefap, 'ar')).toBe('I declare…');
    expect(declarationFor(tefap, 'en')).toBe('I declare…');
  });
});
