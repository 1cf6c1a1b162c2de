import { PickupScreen } from '../pickup/PickupScreen';
import type { SectionProps } from './section-props';

/** The pickup table section: see pickup/PickupScreen. */
export function PickupSection(props: SectionProps) {
  return <PickupScreen {...props} />;
}
