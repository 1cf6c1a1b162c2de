import type { ComponentType } from 'react';
import type { Role } from '../../shared/api/channel';
import type { SectionProps } from './section-props';
import { PickupSection } from './PickupSection';
import { VolunteersSection } from './VolunteersSection';
import { BoardSection } from '../board/BoardSection';
import { ExchangeSection } from '../exchange/ExchangeSection';
import { InventorySection } from '../inventory/InventorySection';
import { KioskSettingsSection } from '../setup/KioskSettingsSection';
import { StationsSection } from '../stations/StationsSection';
import { MonthSection } from '../month/MonthSection';
import { DonorsSection } from '../donors/DonorsSection';

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
  { id: 'exchange', labelKey: 'exchange:nav', roles: ['coordinator'], Component: ExchangeSection },
  { id: 'inventory', labelKey: 'inventory:nav', roles: ['stock', 'coordinator'], Component: InventorySection },
  { id: 'month', labelKey: 'month:nav', roles: ['coordinator'], Component: MonthSection },
  { id: 'donors', labelKey: 'donors:nav', roles: ['coordinator'], Component: DonorsSection },
  { id: 'kiosk-settings', labelKey: 'setup:settings.nav', roles: ['coordinator'], Component: KioskSettingsSection },
  { id: 'stations', labelKey: 'stations:nav', roles: ['coordinator'], Component: StationsSection },
];

export function sectionsFor(role: Role): VolunteerSection[] {
  return SECTIONS.filter((s) => s.roles.includes(role));
}
