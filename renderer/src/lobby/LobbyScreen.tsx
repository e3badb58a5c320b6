import { useState } from 'react';
import { navigate } from '../app/router.ts';
import { CreateRoomForm } from './CreateRoomForm.tsx';
import { JoinByCode } from './JoinByCode.tsx';
import { MyRooms } from './MyRooms.tsx';
import { ProblemBrowser } from './ProblemBrowser.tsx';
import { Weaknesses } from './Weaknesses.tsx';

export function LobbyScreen({ tab }: { tab: 'rooms' | 'problems' }) {
  const [roomsVersion, setRoomsVersion] = useState(0);
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
          <CreateRoomForm onCreated={() => setRoomsVersion((v) => v + 1)} />
          <div className="stack">
            <JoinByCode />
            <MyRooms version={roomsVersion} />
            <Weaknesses />
          </div>
        </div>
      ) : (
        <ProblemBrowser />
      )}
    </div>
  );
}
