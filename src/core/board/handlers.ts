import { who, type Handlers } from '../handlers';
import type { BoardService } from './board-service';

type BoardChannel =
  | 'board.list'
  | 'board.suggest'
  | 'board.add'
  | 'board.renew'
  | 'board.withdraw'
  | 'board.propose'
  | 'board.advance'
  | 'board.contact'
  | 'board.settings'
  | 'board.set_settings'
  | 'board.gaps'
  | 'board.publish_gap'
  | 'board.public';

export function boardHandlers(board: BoardService): Pick<Handlers, BoardChannel> {
  return {
    'board.list': () => board.list(),
    'board.suggest': ({ needId, limit }) => board.suggest(needId, limit),
    'board.add': (input) => board.add(input),
    'board.renew': ({ id }) => board.renew(id),
    'board.withdraw': ({ id }) => board.withdraw(id),
    'board.propose': ({ needId, offerId }, call) => board.propose(needId, offerId, who(call)),
    'board.advance': ({ matchId, to, reason }) => board.advance(matchId, to, reason),
    'board.contact': ({ id }, { session }) => board.contact(id, session),
    'board.settings': () => board.settings(),
    'board.set_settings': (input) => board.setSettings(input),
    'board.gaps': () => board.gaps(),
    'board.publish_gap': ({ itemId }) => board.publishGap(itemId),
    'board.public': ({ language }) => board.publicView(language),
  };
}
