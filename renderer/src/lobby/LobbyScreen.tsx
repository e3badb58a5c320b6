import { navigate } from '../app/router.ts';
import { CreateRoomForm } from './CreateRoomForm.tsx';
import { JoinByCode } from './JoinByCode.tsx';
import { MyRooms } from './MyRooms.tsx';
import { ProblemBrowser } from './ProblemBrowser.tsx';

export function LobbyScreen({ tab }: { tab: 'rooms' | 'problems' }) {
  return (
    <div className="lobby">
      <nav className="tabs" aria-label="Lobby">
        <button type="button" aria-pressed={tab === 'rooms'} onClick={() => navigate({ name: 'lobby', tab: 'rooms' })}>
          Rooms
        </button>
        <button type="button" aria-pressed={tab === 'problems'} onClick={() => navigate({ name: 'lobby', tab: 'problems' })}>
          Problems
        </button>
      </nav>
      {tab === 'rooms' ? (
        <div className="lobby-grid">
          <CreateRoomForm />
          <div className="stack">
            <JoinByCode />
            <MyRooms />
          </div>
        </div>
      ) : (
        <ProblemBrowser />
      )}
    </div>
  );
}
