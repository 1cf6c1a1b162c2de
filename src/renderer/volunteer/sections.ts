import type { ComponentType } from 'react';
import type { Role } from '../../shared/api/channel';
import type { Session } from '../../shared/api/channels/site';
import type { SiteSettings } from '../../shared/domain/site';
import { PickupSection } from './PickupSection';
import { VolunteersSection } from './VolunteersSection';
import { BoardSection } from '../board/BoardSection';

export interface SectionProps {
  session: Session;
  siteName: string;
  settings: SiteSettings;
}

/**
 * The volunteer screens behind the PIN, one entry per feature. A role sees only its sections
 * (core enforces the same roles on every channel; hiding is only a courtesy).
 */
export interface VolunteerSection {
  id: string;
  /** i18n key, `namespace:key`. */
  labelKey: string;
  roles: readonly Role[];
  Component: ComponentType<SectionProps>;
}

export const SECTIONS: readonly VolunteerSection[] = [
  { id: 'pickup', labelKey: 'pickup:nav', roles: ['intake', 'coordinator'], Component: PickupSection },
  { id: 'volunteers', labelKey: 'volunteers:nav', roles: ['coordinator'], Component: VolunteersSection },
  { id: 'board', labelKey: 'board:nav', roles: ['intake', 'coordinator'], Component: BoardSection },
];

export function sectionsFor(role: Role): VolunteerSection[] {
  return SECTIONS.filter((s) => s.roles.includes(role));
}
