import { useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/api/contract';
import type { ApiError, ApiResult } from '../../shared/api/errors';
import { useApiMutation, type ApiMutation } from '../api/query';
import { ErrorNotice } from './ErrorNotice';

/**
 * A settings form: the coordinator's edits over the stored value until saved, and "Saved" once
 * the save is answered. The same in every settings section (print, kiosk, board, queue mode,
 * the month's bands and TEFAP), so it lives once here.
 */

/** The edits (null: none, the stored value shows) and whether the last save was answered yes. */
export interface FormState<D> {
  draft: D | null;
  saved: boolean;
}

export const UNTOUCHED: FormState<never> = { draft: null, saved: false };

/** An edit: the form holds it, and "Saved" no longer says what is on screen. */
export function edited<D>(draft: D): FormState<D> {
  return { draft, saved: false };
}

/**
 * Saves `draft` and says what the form holds meanwhile and after: "Saved" goes while the save
 * runs; on yes the form shows the answer (what is stored now) and says "Saved"; on a refusal the
 * edits stay for the coordinator to correct. Apart from React, so a test can run it.
 */
export async function saveDraft<D, O>(
  draft: D,
  send: (draft: D) => Promise<ApiResult<O>>,
  toDraft: (answer: O) => D,
  update: (next: (state: FormState<D>) => FormState<D>) => void,
): Promise<ApiResult<O>> {
  update((s) => ({ ...s, saved: false }));
  const result = await send(draft);
  if (result.ok) update(() => ({ draft: toDraft(result.value), saved: true }));
  return result;
}

export interface SettingsForm<C extends ChannelName, D> {
  /** What the form shows: the edits over the stored value; undefined until that is read. */
  form: D | undefined;
  /** Edits some fields. */
  change(p: Partial<D>): void;
  /** Replaces the edits. */
  set(next: D): void;
  /** Edits from what the form shows (a row added to a list). */
  update(edit: (current: D) => D): void;
  /** Saves what the form shows, or `next` (a choice saved the moment it is tapped); null before the stored value is read. */
  save(next?: D): Promise<ApiResult<ChannelOutput<C>> | null>;
  saved: boolean;
  saving: ApiMutation<C>;
}

export interface SettingsFormOptions<C extends ChannelName, D> {
  /** The stored value, once read: the save channel answers in the same shape. */
  stored: ChannelOutput<C> | undefined;
  /** The reads the save makes old. */
  invalidates?: readonly ChannelName[];
  /** The stored value as the form edits it (`(s) => s` to edit it as it is). */
  toDraft(stored: ChannelOutput<C>): D;
  /** What the save sends for the form. */
  toInput(draft: D, stored: ChannelOutput<C>): ChannelInput<C>;
}

/** `const settings = useSettingsForm('print.settings_save', { stored: read.data, toDraft: (s) => s, toInput: (d) => d })`. */
export function useSettingsForm<C extends ChannelName, D>(
  channel: C,
  { stored, invalidates, toDraft, toInput }: SettingsFormOptions<C, D>,
): SettingsForm<C, D> {
  const saving = useApiMutation(channel, invalidates ? { invalidates } : {});
  const [state, setState] = useState<FormState<D>>(UNTOUCHED);
  const fromStored = stored === undefined ? undefined : toDraft(stored);
  const form = state.draft ?? fromStored;
  const update = (edit: (current: D) => D) =>
    setState((s) => {
      const current = s.draft ?? fromStored;
      return current === undefined ? s : edited(edit(current));
    });
  return {
    form,
    change: (p) => update((current) => ({ ...current, ...p })),
    set: (next) => setState(edited(next)),
    update,
    save: async (next) => {
      const draft = next ?? form;
      if (draft === undefined || stored === undefined) return null;
      return saveDraft(draft, (d) => saving.call(toInput(d, stored)), toDraft, setState);
    },
    saved: state.saved,
    saving,
  };
}

interface SaveRowProps {
  form: { saved: boolean; save(): unknown; saving: { error: ApiError | null } };
  /** The "Saved" notice. */
  savedText: string;
  /** The notice's look: 'ok' (green, most sections) or 'plain' (the month's). */
  tone?: 'ok' | 'plain';
  /** What the notice shows as refused; the save's refusal unless told. */
  error?: ApiError | null;
  /** The Save button, if the row has one: `submit` for a form that saves on submit. */
  button?: { label: string; type?: 'button' | 'submit' };
  /** false: no Save button, and `readOnly` (if given) says who can edit. */
  canEdit?: boolean;
  readOnly?: string;
}

/** The end of a settings form: the refusal, "Saved", and the Save button (or who may edit). */
export function SettingsSaveRow({ form, savedText, tone = 'ok', error, button, canEdit = true, readOnly }: SaveRowProps) {
  return (
    <>
      <ErrorNotice error={error === undefined ? form.saving.error : error} />
      {form.saved ? (
        <p className={tone === 'ok' ? 'notice notice-ok' : 'notice'} role="status">
          {savedText}
        </p>
      ) : null}
      {button && canEdit ? (
        button.type === 'submit' ? (
          <button type="submit" className="button button-primary">
            {button.label}
          </button>
        ) : (
          <button type="button" className="button button-primary" onClick={() => void form.save()}>
            {button.label}
          </button>
        )
      ) : null}
      {button && !canEdit && readOnly ? <p>{readOnly}</p> : null}
    </>
  );
}
