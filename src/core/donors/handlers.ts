import type { Handlers } from '../handlers';
import type { WeightCategoryService } from '../reports/weight-categories';
import type { DonorService } from './donor-service';

type DonorChannel =
  | 'donors.list'
  | 'donors.currency'
  | 'donors.contacts'
  | 'donors.save'
  | 'donors.remove'
  | 'donors.receipt'
  | 'weights.unit'
  | 'weights.categories'
  | 'weights.save_category';

export function donorHandlers(donors: DonorService, weights: WeightCategoryService): Pick<Handlers, DonorChannel> {
  return {
    'donors.list': () => donors.list(),
    'donors.currency': () => donors.currency(),
    'donors.contacts': () => donors.contacts(),
    'donors.save': (donor) => donors.save(donor),
    'donors.remove': ({ id }) => donors.remove(id),
    'donors.receipt': (input) => donors.receipt(input),
    'weights.unit': () => weights.unit(),
    'weights.categories': () => weights.categories(),
    'weights.save_category': (input) => weights.saveCategory(input),
  };
}
