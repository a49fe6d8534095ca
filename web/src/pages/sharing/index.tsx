/**
 * Cooperation between administrations (nested routes under /sharing): the messages of closed user groups (the
 * feed, a message, compose and share), the groups, the partners and the state of each link, mutual assistance and
 * the signed ledger. Each is in the menu for those whose permissions allow it (Layout.tsx); the server checks
 * every call again.
 */
import { type RouteMap, RouteTable } from '../../components/routes.tsx';
import { AssistanceList, NewAssistance } from './Assistance.tsx';
import { AssistancePage } from './AssistancePage.tsx';
import { Compose } from './Compose.tsx';
import { GroupPage, Groups } from './Groups.tsx';
import { Ledger } from './Ledger.tsx';
import { MessageFeed, MessagePage } from './Messages.tsx';
import { PartnerPage, Partners } from './Partners.tsx';

const ROUTES: RouteMap = {
  '': MessageFeed,
  compose: Compose,
  'messages/:id': MessagePage,
  groups: Groups,
  'groups/:code': GroupPage,
  partners: Partners,
  'partners/:code': PartnerPage,
  assistance: AssistanceList,
  'assistance/new': NewAssistance,
  'assistance/:id': AssistancePage,
  ledger: Ledger,
};

export function Sharing() {
  return <RouteTable routes={ROUTES} fallback="/" />;
}
