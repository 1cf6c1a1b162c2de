import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { StationSupervisor } from '../../../../src/host/stations';
import { DEMO_PINS } from '../../../../src/core/demo/seed';
import type { StationRole } from '../../../../src/shared/api/channels/stations';
import { expect, type Kiosk } from '../../fixtures';
import type { person } from '../hub';

type Person = ReturnType<typeof person>;

/**
 * The coordinator's Stations screen, by touch: open it, turn stations on at an address and port
 * (the journeys use another loopback address), and add a station, giving back its invite.
 */
export class StationsDesk {
  /** The hub's stations listener, kept in step with the settings as the hosts keep it. */
  readonly supervisor: StationSupervisor;

  constructor(
    private readonly page: Page,
    private readonly coordinator: Person,
    kiosk: Kiosk,
  ) {
    this.supervisor = new StationSupervisor({
      dispatch: kiosk.core.dispatch,
      stations: kiosk.core.services.stations,
      events: kiosk.core.events,
      rendererDir: resolve('out/renderer'),
    });
  }

  /** The coordinator at the hub's own screen, signed in. */
  async signIn(url: string): Promise<void> {
    await this.page.goto(url);
    await this.coordinator.touch.logIn(DEMO_PINS.coordinator);
  }

  async turnOn(address: string, port: number): Promise<void> {
    const supervisor = this.supervisor;
    const { touch, w } = this.coordinator;
    await touch.tap(this.page.getByRole('navigation').getByRole('button', { name: w('stations:nav') }));
    const field = this.page.getByLabel(w('stations:address'));
    await touch.tapClear(field);
    await touch.tapText(field, address);
    await touch.tapNumber(this.page.getByLabel(w('stations:port')), String(port));
    await touch.tap(w('stations:turnOn'));
    await expect.poll(() => supervisor.current?.port).toBe(port);
  }

  /** "Add a station": its name and role, then the invite region (QR, code, link). */
  async add(name: string, role: StationRole) {
    const { touch, w } = this.coordinator;
    await touch.tapText(this.page.getByLabel(w('stations:name')), name);
    await touch.tap(this.page.getByRole('group', { name: w('stations:role') }).getByRole('button', { name: w(`stations:roles.${role}`) }));
    await touch.tap(w('stations:add'));
    return this.page.getByRole('region', { name: w('stations:inviteFor', { name }) });
  }

  close(): Promise<void> {
    return this.supervisor.close();
  }
}
