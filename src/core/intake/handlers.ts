import type { Handlers } from '../handlers';
import type { IntakeService } from './intake-service';

export function intakeHandlers(intake: IntakeService): Pick<Handlers, 'intake.catalog' | 'intake.submit'> {
  return {
    'intake.catalog': ({ language }) => intake.catalog(language),
    'intake.submit': (input) => intake.submit(input),
  };
}
