import { DEFAULT_PRINT_SETTINGS, type PrintSettings } from '../../shared/api/channels/printing';
import { nowIso, type CoreContext } from '../context';

interface Row {
  mode: PrintSettings['mode'];
  paper: PrintSettings['paper'];
  printer: string | null;
}

/** The site's print settings, or the defaults until a coordinator saves some. */
export function readPrintSettings(ctx: CoreContext): PrintSettings {
  const row = ctx.db.prepare('SELECT mode, paper, printer FROM print_settings').get() as Row | undefined;
  return row ? { mode: row.mode, paper: row.paper, printer: row.printer } : DEFAULT_PRINT_SETTINGS;
}

export function savePrintSettings(ctx: CoreContext, input: PrintSettings): PrintSettings {
  ctx.db
    .prepare(
      `INSERT INTO print_settings (singleton, mode, paper, printer, updated_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (singleton) DO UPDATE SET mode = excluded.mode, paper = excluded.paper,
         printer = excluded.printer, updated_at = excluded.updated_at`,
    )
    .run(input.mode, input.paper, input.printer, nowIso(ctx));
  return readPrintSettings(ctx);
}
