import { describe, expect, it } from 'vitest';
import { TefapAnswer } from '../../src/shared/reports/report';
import {
  EMPTY_TEFAP,
  freshIntake,
  hasAnswers,
  nextStep,
  previousStep,
  stepsFor,
  tefapAnswer,
} from '../../src/renderer/intake/intake-state';
import { addPoint, isSigned, SIGNATURE_MAX, strokes, toBox } from '../../src/renderer/intake/signature';

describe("TEFAP mode's step in the intake", () => {
  const fresh = () => freshIntake(() => 'id');

  it('is walked only at a site in TEFAP mode, only by a visitor asking for food, after contact and before confirm', () => {
    expect(stepsFor({ purpose: 'need', returning: null })).not.toContain('tefap');
    expect(stepsFor({ purpose: 'need', returning: null }, true)).toEqual([
      'language',
      'purpose',
      'household',
      'needs',
      'contact',
      'tefap',
      'confirm',
      'slip',
    ]);
    expect(stepsFor({ purpose: 'both', returning: null }, true)).toContain('tefap');
    // Only offering help: no food, no TEFAP record.
    expect(stepsFor({ purpose: 'offer', returning: null }, true)).not.toContain('tefap');
    // A returning household is asked again: the record is per visit.
    expect(stepsFor({ purpose: 'need', returning: 'ABCD-EFGH' }, true)).toEqual([
      'language',
      'purpose',
      'household',
      'needs',
      'tefap',
      'confirm',
      'slip',
    ]);
    const contact = { ...fresh(), purpose: 'need' as const, step: 'contact' as const };
    expect(nextStep(contact)).toBe('confirm');
    expect(nextStep(contact, true)).toBe('tefap');
    expect(previousStep({ ...contact, step: 'confirm' }, true)).toBe('tefap');
    expect(previousStep({ ...contact, step: 'confirm' })).toBe('contact');
  });

  it('sends nothing when untouched, names the first open question, and sends exactly the answer when complete', () => {
    expect(tefapAnswer(EMPTY_TEFAP)).toEqual({ answer: null });
    // Spaces are not an answer.
    expect(tefapAnswer({ ...EMPTY_TEFAP, name: '  ' })).toEqual({ answer: null });
    expect(tefapAnswer({ ...EMPTY_TEFAP, address: '12 Elm St' })).toEqual({ missing: 'name' });
    expect(tefapAnswer({ ...EMPTY_TEFAP, name: 'Ana' })).toEqual({ missing: 'basis' });
    expect(tefapAnswer({ ...EMPTY_TEFAP, name: 'Ana', basis: 'categorical' })).toEqual({ missing: 'program' });
    expect(tefapAnswer({ ...EMPTY_TEFAP, name: 'Ana', basis: 'income' })).toEqual({ missing: 'signature' });
    const income = tefapAnswer({ ...EMPTY_TEFAP, name: ' Ana Reyes ', basis: 'income', program: 'snap', signature: 'M 1 1 L 9 9' });
    // A programme chosen before switching to income is not sent; an empty address is left out.
    expect(income).toEqual({ answer: { name: 'Ana Reyes', basis: 'income', signature: 'M 1 1 L 9 9' } });
    const snap = tefapAnswer({ name: 'Ana', address: ' 12 Elm St ', basis: 'categorical', program: 'snap', signature: 'M 1 1 L 9 9' });
    expect(snap).toEqual({
      answer: { name: 'Ana', address: '12 Elm St', basis: 'categorical', program: 'snap', signature: 'M 1 1 L 9 9' },
    });
    // What the step sends is what the contract takes: nothing else (no ID, status or proof field).
    if (!('answer' in snap) || !snap.answer) throw new Error('no answer');
    expect(TefapAnswer.strict().parse(snap.answer)).toEqual(snap.answer);
  });

  it('counts as something said for "Start over", and a fresh visitor starts with nothing', () => {
    expect(fresh().tefap).toEqual(EMPTY_TEFAP);
    expect(hasAnswers({ ...fresh(), language: 'es', step: 'purpose', tefap: { ...EMPTY_TEFAP, name: 'Ana' } })).toBe(true);
  });
});

describe('the finger signature', () => {
  it('maps a touch to the 600 x 200 box whatever size the pad is drawn, clamped at its edges', () => {
    const rect = { left: 100, top: 50, width: 900, height: 300 };
    expect(toBox(100, 50, rect)).toEqual({ x: 0, y: 0 });
    expect(toBox(550, 200, rect)).toEqual({ x: 300, y: 100 });
    expect(toBox(1200, 20, rect)).toEqual({ x: 600, y: 0 });
  });

  it('is moves and lines in whole numbers, the compact form TefapAnswer takes, and reads back as its strokes', () => {
    let path = addPoint('', { x: 10, y: 20 }, true);
    path = addPoint(path, { x: 50, y: 60 }, false);
    // Too close to the last point to show: left out.
    path = addPoint(path, { x: 51, y: 61 }, false);
    path = addPoint(path, { x: 200, y: 30 }, true);
    path = addPoint(path, { x: 250, y: 90 }, false);
    expect(path).toBe('M 10 20 L 50 60 M 200 30 L 250 90');
    expect(TefapAnswer.shape.signature.parse(path)).toBe(path);
    expect(strokes(path)).toEqual([
      [
        { x: 10, y: 20 },
        { x: 50, y: 60 },
      ],
      [
        { x: 200, y: 30 },
        { x: 250, y: 90 },
      ],
    ]);
    expect(isSigned(path)).toBe(true);
    // A tap that did not move is not a signature.
    expect(isSigned('M 10 20')).toBe(false);
    expect(isSigned('')).toBe(false);
  });

  it('stops growing at the size the contract allows, keeping the signature so far', () => {
    let path = addPoint('', { x: 0, y: 0 }, true);
    for (let i = 0; i < 10_000; i += 1) path = addPoint(path, { x: (i * 7) % 600, y: (i * 13) % 200 }, false);
    expect(path.length).toBeLessThanOrEqual(SIGNATURE_MAX);
    expect(TefapAnswer.shape.signature.safeParse(path).success).toBe(true);
  });
});
