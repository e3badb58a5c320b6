import { useState } from 'react';
import { ActiveRoomBanner } from './ActiveRoomBanner.tsx';
import { CreateRoomForm } from './CreateRoomForm.tsx';
import { JoinByCode } from './JoinByCode.tsx';
import { MyRooms } from './MyRooms.tsx';
import { ProblemBrowser } from './ProblemBrowser.tsx';
import { Weaknesses } from './Weaknesses.tsx';

// The lobby: rooms (the way back into an unfinished one, create, join, mine) or the problem bank; the top bar
// switches between them.
export function LobbyScreen({ tab }: { tab: 'rooms' | 'problems' }) {
  /** Bumped when a room is created or ended here: the banner and My rooms read again. */
  const [roomsVersion, setRoomsVersion] = useState(0);
  const roomsChanged = () => setRoomsVersion((v) => v + 1);
  return (
    <div className="lobby">
      {tab === 'rooms' ? (
        <>
          <ActiveRoomBanner version={roomsVersion} />
          <div className="lobby-grid">
            <CreateRoomForm onCreated={roomsChanged} />
            <div className="stack">
              <JoinByCode />
              <MyRooms version={roomsVersion} onEnded={roomsChanged} />
              <Weaknesses />
            </div>
          </div>
        </>
      ) : (
        <ProblemBrowser />
      )}
    </div>
  );
}
