import { useCallback } from 'react';
import type { ChannelOutput } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import type { PrintJob } from '../../shared/api/channels/shell';
import { PAPER_SPECS, type Paper } from '../../shared/slips/paper';
import { useApiMutation } from '../api/query';

/** 'printed': the shell printed it. 'browser': the browser's own print has it. 'failed': no paper came out. */
export type PrintResult = 'printed' | 'browser' | 'failed';

/**
 * Prints what the page shows under print CSS. Through the same API client as everything else
 * (`send` is the shell.print write): in Electron the shell prints silently to the chosen printer;
 * where the shell cannot print (browser mode) it says so and the page prints itself with the
 * browser's print.
 */
export async function printPage(
  send: (job: PrintJob) => Promise<ApiResult<ChannelOutput<'shell.print'>>>,
  job: PrintJob,
): Promise<PrintResult> {
  const result = await send(job);
  if (!result.ok) return 'failed';
  if (result.value.via === 'renderer') {
    try {
      window.print();
      return 'browser';
    } catch {
      return 'failed';
    }
  }
  return result.value.printed ? 'printed' : 'failed';
}

/** `printPage` for a screen, through the shell.print mutation. */
export function usePrintPage(): (job: PrintJob) => Promise<PrintResult> {
  const { call } = useApiMutation('shell.print');
  return useCallback((job: PrintJob) => printPage(call, job), [call]);
}

const PX_PER_MM = 96 / 25.4;

/** A receipt roll is as long as its slip; page paper has its own height. */
export function pageHeightMm(paper: Paper, contentPx: number): number {
  return PAPER_SPECS[paper].heightMm ?? Math.min(2000, Math.max(20, Math.ceil(contentPx / PX_PER_MM) + 6));
}

/** The @page rule that makes a browser's print (and a PDF) match the paper. */
export function pageRule(paper: Paper, heightMm: number): string {
  const spec = PAPER_SPECS[paper];
  return `@page { size: ${spec.widthMm}mm ${heightMm}mm; margin: ${spec.heightMm ? 10 : 0}mm; }`;
}
