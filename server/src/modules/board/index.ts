import { defineModule } from '../module.js';
import { BoardEventHub } from './board-event-hub.js';
import { BoardResolver } from './board.resolver.js';
import { BoardService } from './board.service.js';

export const boardModule = defineModule({
  name: 'board',
  resolvers: [BoardResolver],
  services: ({ orm }) => {
    const board = new BoardService();
    return { board, hub: new BoardEventHub(orm, board) };
  },
  liveConsumers: (services) => [services.hub],
});

declare module '../registry.js' {
  interface ServiceRegistry {
    board: BoardService;
    hub: BoardEventHub;
  }
}
