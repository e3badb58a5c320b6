// Video: LiveKit when the server offers media (GET /v1/health features.media); otherwise a local camera
// preview and a plain sentence that this server has no video. Never a black box.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useSession } from '../../app/session-context.tsx';
import { useHealth } from '../../app/use-health.ts';

const LiveKitRoom = lazy(() => import('./LiveKitRoom.tsx').then((m) => ({ default: m.LiveKitRoom })));

export function VideoPanel({ roomId }: { roomId: string }) {
  const { server } = useSession();
  const { health, error } = useHealth(server.baseUrl);
  if (!health) return <div className="video-panel muted small">{error ? 'Video needs the server; it will come back with the connection.' : 'Checking video…'}</div>;
  if (health.features.media) {
    return (
      <Suspense fallback={<div className="video-panel muted">Loading video…</div>}>
        <LiveKitRoom roomId={roomId} />
      </Suspense>
    );
  }
  return <LocalPreview />;
}

function LocalPreview() {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
    return () => stream?.getTracks().forEach((t) => t.stop());
  }, [stream]);
  const toggle = async () => {
    if (stream) {
      setStream(null);
      return;
    }
    try {
      setError(null);
      setStream(await navigator.mediaDevices.getUserMedia({ video: true, audio: false }));
    } catch {
      setError('The camera is not available (no device or no permission).');
    }
  };
  return (
    <div className="video-panel" data-testid="video-panel">
      <p className="muted small">This server has no video. Use a call alongside, or check your camera here.</p>
      {stream && <video ref={video} autoPlay muted playsInline className="tile" />}
      <button type="button" onClick={toggle}>{stream ? 'Stop camera preview' : 'Camera preview'}</button>
      {error && <p className="error small">{error}</p>}
    </div>
  );
}
