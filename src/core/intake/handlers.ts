import type { Handlers } from '../handlers';
import type { IntakeService } from './intake-service';

type IntakeChannels =
  'intake.config' | 'intake.catalog' | 'intake.returning' | 'intake.submit' | 'intake.settings_get' | 'intake.settings_save';

export function intakeHandlers(intake: IntakeService): Pick<Handlers, IntakeChannels> {
  return {
    'intake.config': () => intake.config(),
    'intake.catalog': ({ language, returning }) => intake.catalog(language, returning),
    'intake.returning': ({ code }) => intake.returning(code),
    'intake.submit': (input) => intake.submit(input),
    'intake.settings_get': () => intake.config(),
    'intake.settings_save': (input) => intake.saveSettings(input),
  };
}
