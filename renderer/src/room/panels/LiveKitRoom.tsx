// LiveKit participant tiles with mute/camera toggles and device choice. Loaded only when the server has media.
import { Room, RoomEvent, Track, type Participant, type RemoteTrack } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../app/session-context.tsx';
import { errorText } from '../../ui/error-text.ts';
import { roomActions } from '../room-actions.ts';

export function LiveKitRoom({ roomId }: { roomId: string }) {
  const { api } = useSession();
  const [room] = useState(() => new Room({ adaptiveStream: true, dynacast: true }));
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [mic, setMic] = useState(false);
  const [cam, setCam] = useState(false);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const audioBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    const refresh = () => setParticipants([room.localParticipant, ...room.remoteParticipants.values()]);
    // Remote voices play through detached <audio> elements; video goes into the tiles.
    const onSubscribed = (track: RemoteTrack) => {
      if (track.kind === Track.Kind.Audio) audioBox.current?.appendChild(track.attach());
    };
    const onUnsubscribed = (track: RemoteTrack) => {
      if (track.kind === Track.Kind.Audio) track.detach().forEach((el) => el.remove());
    };
    room.on(RoomEvent.TrackSubscribed, onSubscribed).on(RoomEvent.TrackUnsubscribed, onUnsubscribed);
    room.on(RoomEvent.ParticipantConnected, refresh).on(RoomEvent.ParticipantDisconnected, refresh).on(RoomEvent.TrackSubscribed, refresh).on(RoomEvent.TrackUnsubscribed, refresh).on(RoomEvent.LocalTrackPublished, refresh).on(RoomEvent.TrackMuted, refresh).on(RoomEvent.TrackUnmuted, refresh);
    (async () => {
      try {
        const token = await roomActions(api, roomId).mediaToken();
        if (cancelled) return;
        await room.connect(token.url, token.token);
        refresh();
        if (token.canPublish) setCameras(await Room.getLocalDevices('videoinput'));
      } catch (e) {
        if (!cancelled) setError(errorText(e));
      }
    })();
    return () => {
      cancelled = true;
      room.off(RoomEvent.TrackSubscribed, onSubscribed).off(RoomEvent.TrackUnsubscribed, onUnsubscribed);
      void room.disconnect();
    };
  }, [api, room, roomId]);

  const toggleMic = async () => {
    await room.localParticipant.setMicrophoneEnabled(!mic);
    setMic(!mic);
    // `muted` on the participant mirrors the media mute for everybody's participant list.
    const me = room.localParticipant.identity;
    if (me) void roomActions(api, roomId).setMuted(me, mic).catch(() => undefined);
  };
  const toggleCam = async () => {
    await room.localParticipant.setCameraEnabled(!cam);
    setCam(!cam);
  };

  return (
    <div className="video-panel" data-testid="video-panel">
      {error && <p className="error small">Video unavailable: {error}</p>}
      <div ref={audioBox} hidden />
      <div className="tiles">
        {participants.map((p) => <Tile key={p.identity} participant={p} />)}
      </div>
      <div className="row tight">
        <button type="button" onClick={toggleMic}>{mic ? 'Mute' : 'Unmute'}</button>
        <button type="button" onClick={toggleCam}>{cam ? 'Camera off' : 'Camera on'}</button>
        {cameras.length > 1 && (
          <select aria-label="Camera" onChange={(e) => void room.switchActiveDevice('videoinput', e.target.value)}>
            {cameras.map((d) => <option key={d.deviceId} value={d.deviceId}>{d.label || 'Camera'}</option>)}
          </select>
        )}
      </div>
    </div>
  );
}

function Tile({ participant }: { participant: Participant }) {
  const ref = useRef<HTMLVideoElement>(null);
  const pub = participant.getTrackPublication(Track.Source.Camera);
  const track = pub?.track;
  useEffect(() => {
    if (!track || !ref.current) return;
    track.attach(ref.current);
    return () => {
      track.detach();
    };
  }, [track]);
  return (
    <figure className="tile">
      {track && !pub?.isMuted ? <video ref={ref} autoPlay playsInline muted={participant.isLocal} /> : <div className="tile-off">{participant.name || participant.identity}</div>}
      <figcaption>{participant.name || participant.identity}{participant.isMicrophoneEnabled ? '' : ' (muted)'}</figcaption>
    </figure>
  );
}
