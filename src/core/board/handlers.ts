import { who, type Handlers } from '../handlers';
import type { BoardService } from './board-service';
import type { GapService } from './gap-service';
import type { MatchService } from './match-service';
import type { PublicBoardService } from './public-view';

type BoardChannel =
  | 'board.list'
  | 'board.page'
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

export function boardHandlers(
  board: BoardService,
  matches: MatchService,
  gaps: GapService,
  publicBoard: PublicBoardService,
): Pick<Handlers, BoardChannel> {
  return {
    'board.list': ({ limit }) => matches.list(limit),
    'board.page': ({ kind, after, limit }) => matches.page(kind, after, limit),
    'board.suggest': ({ needId, limit }) => matches.suggest(needId, limit),
    'board.add': (input) => board.add(input),
    'board.renew': ({ id }) => board.renew(id),
    'board.withdraw': ({ id }) => board.withdraw(id),
    'board.propose': ({ needId, offerId }, call) => matches.propose(needId, offerId, who(call)),
    'board.advance': ({ matchId, to, reason }) => matches.advance(matchId, to, reason),
    'board.contact': ({ id }, { session }) => board.contact(id, session),
    'board.settings': () => board.settings(),
    'board.set_settings': (input) => board.setSettings(input),
    'board.gaps': () => gaps.gaps(),
    'board.publish_gap': ({ itemId }) => gaps.publishGap(itemId),
    'board.public': ({ language }) => publicBoard.publicView(language),
  };
}
