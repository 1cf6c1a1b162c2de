import { describe, expect, it } from 'vitest';
import { UNTOUCHED, edited, saveDraft, type FormState } from '../../src/renderer/components/settings-form';
import type { ApiResult } from '../../src/shared/api/errors';

interface Draft {
  days: string;
}

/** The form's state as React would hold it, updated the way `useState`'s setter does. */
function held(start: FormState<Draft>) {
  const seen: FormState<Draft>[] = [];
  let state = start;
  const update = (next: (s: FormState<Draft>) => FormState<Draft>) => {
    state = next(state);
    seen.push(state);
  };
  return { update, seen, now: () => state };
}

const toDraft = (answer: { days: number }): Draft => ({ days: String(answer.days) });

describe('a settings form', () => {
  it('starts with no edits and no "Saved", and an edit clears "Saved"', () => {
    expect(UNTOUCHED).toEqual({ draft: null, saved: false });
    expect(edited({ days: '7' })).toEqual({ draft: { days: '7' }, saved: false });
  });

  it('shows the stored answer and "Saved" once a save is answered yes', async () => {
    const form = held({ draft: { days: '07' }, saved: true });
    const sent: Draft[] = [];
    const result = await saveDraft(
      { days: '07' },
      (d) => {
        sent.push(d);
        // "Saved" is gone while the save runs.
        expect(form.now().saved).toBe(false);
        return Promise.resolve({ ok: true, value: { days: 7 } });
      },
      toDraft,
      form.update,
    );
    expect(sent).toEqual([{ days: '07' }]);
    expect(result).toEqual({ ok: true, value: { days: 7 } });
    expect(form.now()).toEqual({ draft: { days: '7' }, saved: true });
  });

  it('keeps the edits and says nothing saved when the save is refused', async () => {
    const form = held({ draft: { days: '9999' }, saved: true });
    const refusal: ApiResult<{ days: number }> = { ok: false, error: { code: 'month.bad_value', message: 'out of range' } };
    const result = await saveDraft({ days: '9999' }, () => Promise.resolve(refusal), toDraft, form.update);
    expect(result).toBe(refusal);
    expect(form.now()).toEqual({ draft: { days: '9999' }, saved: false });
  });
});
