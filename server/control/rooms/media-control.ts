// "`muted` mirrors a media mute": the port through which a participant PATCH reaches the media server.
// With LiveKit configured (room name = roomId, identity = userId, as in the media token) the
// participant's published audio tracks are muted server-side; without it nothing happens.
//
// The stored and broadcast `muted` is the truth; the LiveKit call only follows it. So setMuted never
// throws: a participant not (yet) in the LiveKit room or with no audio track is nothing to do, and any
// other failure (LiveKit down, slow, refusing the key) is logged as a warning.
import { RoomServiceClient, TrackType } from 'livekit-server-sdk';
import type { LiveKitOptions, Logger } from '../../server-options.ts';

export interface MediaControl {
  /** Mutes or unmutes the participant's published audio. Resolves (never rejects) once done or given up. */
  setMuted(roomId: string, userId: string, muted: boolean): Promise<void>;
}

/** LiveKit is not configured: there is no media to mute. */
export const noMediaControl: MediaControl = {
  async setMuted() {},
};

/**
 * Each LiveKit request is bounded by this timeout (the SDK aborts it), so a PATCH waits at most for one
 * lookup plus one round of mutes sent in parallel, and returns at once when LiveKit refuses connections.
 */
export const MEDIA_REQUEST_TIMEOUT_MS = 1500;

export function liveKitMediaControl(options: LiveKitOptions, log: Logger, timeoutMs = MEDIA_REQUEST_TIMEOUT_MS): MediaControl {
  // No region failover: it only applies to LiveKit Cloud hosts and would multiply the wait.
  const client = new RoomServiceClient(options.url, options.apiKey, options.apiSecret, {
    requestTimeout: timeoutMs / 1000,
    failover: false,
  });
  // One chain per participant, so that a quick mute then unmute reaches LiveKit in that order even though
  // the calls run outside the room's queue (a slow LiveKit must not hold up other room operations).
  const chains = new Map<string, Promise<void>>();

  async function apply(roomId: string, userId: string, muted: boolean): Promise<void> {
    let tracks;
    try {
      tracks = (await client.getParticipant(roomId, userId)).tracks;
    } catch (err) {
      if (isNotFound(err)) return; // not connected to the media room: nothing is published
      throw err;
    }
    const audio = tracks.filter((t) => t.type === TrackType.AUDIO);
    await Promise.all(audio.map((t) => client.mutePublishedTrack(roomId, userId, t.sid, muted)));
  }

  return {
    setMuted(roomId, userId, muted) {
      const key = `${roomId}/${userId}`;
      const run = (chains.get(key) ?? Promise.resolve())
        .then(() => apply(roomId, userId, muted))
        .catch((err: unknown) => {
          log.warn('LiveKit mute failed; the stored mute stands', { roomId, userId, muted, error: String(err) });
        });
      chains.set(key, run);
      void run.then(() => {
        if (chains.get(key) === run) chains.delete(key);
      });
      return run;
    },
  };
}

/** LiveKit answers GetParticipant for an identity not in the room with Twirp `not_found` (HTTP 404). */
function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'status' in err && err.status === 404;
}
