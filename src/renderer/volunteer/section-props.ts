import type { Session } from '../../shared/api/channels/site';
import type { SiteSettings } from '../../shared/domain/site';

/** What every volunteer section gets. Its own module, so sections need not import the list of sections. */
export interface SectionProps {
  session: Session;
  siteName: string;
  settings: SiteSettings;
}
