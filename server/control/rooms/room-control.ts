// Room control: phase, problem/language, settings, editor lock, timer pause/resume, manual snapshot.
// Each change reaches the collab plane (event push or LockEditor) before the REST response.
import { AppError, type CodeSnapshot, type RoomStatus, type SupportedLanguage, type TimerState } from '../../protocol/index.ts';
import type { RoomConfigPatch, RoomDetail } from '../../protocol/api/rooms.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { validationFailed } from '../../protocol/validation.ts';
import { NON_SPECTATOR, STAFF, allow, requireOpen, roomAccess, type RoomAccess } from './room-access.ts';
import type { RoomDeps } from './room-deps.ts';
import { configViolations, isLaterPhase, phaseDurationMs } from './room-model.ts';
import { selectableProblem } from './room-problems.ts';
import { isRunning, isPaused, pauseTimer, rebaseTimer, resumeTimer, timerState } from './room-timer.ts';
import { roomDetail } from './room-views.ts';
import { storeCodeSnapshot } from './code-snapshots.ts';

/** Runs `fn` under the room's queue with fresh access (the first lookup only finds the queue). */
export async function withRoom<T>(d: RoomDeps, user: AuthUser, roomId: string | undefined, fn: (a: RoomAccess) => Promise<T>): Promise<T> {
  const first = await roomAccess(d.engine, roomId, user);
  return d.engine.exclusive(first.room.id, async () => fn(await roomAccess(d.engine, first.room.id, user)));
}

function detail(d: RoomDeps, a: RoomAccess): Promise<RoomDetail> {
  return roomDetail(d.engine.store, d.problems, a.room, a.user.id, d.engine.now());
}

export function changePhase(d: RoomDeps, user: AuthUser, roomId: string | undefined, parse: () => { to: RoomStatus }): Promise<RoomDetail> {
  return withRoom(d, user, roomId, async (a) => {
    allow(a, { roles: STAFF });
    const { to } = parse();
    requireOpen(a.room);
    if (!isLaterPhase(a.room.status, to)) {
      throw new AppError('ROOM_INVALID_TRANSITION', `Cannot move from ${a.room.status} to ${to}.`);
    }
    if (to === 'finished') await d.engine.finishInQueue(a.room, 'finished', user.id);
    else await d.engine.enterPhaseInQueue(a.room, to, user.id);
    return detail(d, a);
  });
}

export interface ProblemInput {
  problemId?: string | null;
  language?: SupportedLanguage;
  resetCode?: boolean;
}

/**
 * Select or change the problem and/or language. Candidates may change only the language, and only while
 * the editor is unlocked. A defaulted language the new problem lacks becomes the problem's first one.
 */
export function changeProblem(d: RoomDeps, user: AuthUser, roomId: string | undefined, parse: () => ProblemInput): Promise<RoomDetail> {
  return withRoom(d, user, roomId, async (a) => {
    allow(a, { roles: NON_SPECTATOR });
    const input = parse();
    const staff = a.role === 'host' || a.role === 'interviewer';
    if (!staff && input.problemId !== undefined) throw new AppError('ROOM_FORBIDDEN', 'Candidates may change only the language.');
    requireOpen(a.room);
    if (!staff && a.room.editorLocked) throw new AppError('ROOM_EDITOR_LOCKED', 'The editor is locked.');
    const problemId = input.problemId === undefined ? a.room.problemId : input.problemId;
    const problem =
      problemId === null
        ? undefined
        : problemId === a.room.problemId
          ? await d.problems.get(problemId)
          : await selectableProblem(d.problems, problemId);
    if (problemId !== null && !problem) throw new AppError('PROBLEM_NOT_FOUND', 'No such problem.');
    let language = input.language ?? a.room.language;
    if (problem && !problem.languages.includes(language)) {
      if (input.language) throw new AppError('PROBLEM_LANGUAGE_UNSUPPORTED', `The problem does not support ${language}.`);
      language = problem.languages[0]!;
    }
    const codeReset = input.resetCode === true;
    await d.engine.push(a.room.id, {
      type: 'problem-changed',
      problemId,
      language,
      by: user.id,
      codeReset,
      ...(codeReset ? { resetTo: problem?.starterCode[language] ?? '' } : {}),
    });
    a.room.problemId = problemId;
    a.room.language = language;
    await d.engine.save(a.room);
    await d.engine.record(a.room.id, 'problem-changed', user.id, { problemId, language, by: user.id, codeReset });
    return detail(d, a);
  });
}

/** PATCH settings (host). A changed duration of the current phase re-bases its timer (`timer` `adjusted`). */
export function changeSettings(
  d: RoomDeps,
  user: AuthUser,
  roomId: string | undefined,
  parse: () => { name?: string; config?: RoomConfigPatch },
): Promise<RoomDetail> {
  return withRoom(d, user, roomId, async (a) => {
    allow(a, { roles: ['host'] });
    const input = parse();
    const config = { ...a.room.config, ...input.config };
    const active = (await d.engine.store.rooms.listParticipants(a.room.id)).filter((p) => p.state === 'active').length;
    const violations = configViolations(a.room.mode, config, active);
    if (violations.length > 0) throw validationFailed(violations);
    requireOpen(a.room);
    const name = input.name ?? a.room.name;
    const now = d.engine.now();
    const before = phaseDurationMs(a.room.config, a.room.status);
    const after = phaseDurationMs(config, a.room.status);
    await d.engine.push(a.room.id, { type: 'settings-changed', name, config });
    if (before !== after && a.room.status !== 'waiting') {
      a.room.timer = rebaseTimer(a.room.timer, after, now);
      if (a.room.timer) {
        await d.engine.push(a.room.id, { type: 'timer', action: 'adjusted', timer: timerState(a.room.timer, a.room.status, now) });
      }
    }
    a.room.name = name;
    a.room.config = config;
    await d.engine.save(a.room);
    await d.engine.record(a.room.id, 'settings-changed', user.id, { name, config });
    return detail(d, a);
  });
}

/** Manual lock (idempotent). A lock during a submit lock turns it manual, so the submit no longer releases it. */
export function lockEditor(d: RoomDeps, user: AuthUser, roomId: string | undefined, locked: boolean): Promise<RoomDetail> {
  return withRoom(d, user, roomId, async (a) => {
    allow(a, { roles: STAFF });
    requireOpen(a.room);
    const unchanged = locked ? a.room.editorLocked && a.room.lockReason === 'manual' : !a.room.editorLocked;
    if (!unchanged) {
      const reason = locked ? 'manual' : null;
      await d.engine.collab('lockEditor', (c) => c.lockEditor(a.room.id, { locked, reason, by: user.id }));
      a.room.editorLocked = locked;
      a.room.lockReason = reason;
      await d.engine.save(a.room);
      await d.engine.record(a.room.id, locked ? 'editor-locked' : 'editor-unlocked', user.id, { locked, reason, by: user.id });
    }
    return detail(d, a);
  });
}

export function pauseOrResume(d: RoomDeps, user: AuthUser, roomId: string | undefined, action: 'paused' | 'resumed'): Promise<TimerState> {
  return withRoom(d, user, roomId, async (a) => {
    allow(a, { roles: STAFF });
    requireOpen(a.room);
    const t = a.room.timer;
    const ok = t !== null && a.room.status !== 'waiting' && (action === 'paused' ? isRunning(t) : isPaused(t));
    if (!t || !ok) {
      throw new AppError('ROOM_TIMER_CONFLICT', action === 'paused' ? 'The timer is not running.' : 'The timer is not paused.');
    }
    const now = d.engine.now();
    const next = action === 'paused' ? pauseTimer(t, now) : resumeTimer(t, now);
    const state = timerState(next, a.room.status, now);
    await d.engine.push(a.room.id, { type: 'timer', action, timer: state });
    a.room.timer = next;
    await d.engine.save(a.room);
    await d.engine.record(a.room.id, action === 'paused' ? 'timer-paused' : 'timer-resumed', user.id, { action, timer: state });
    return state;
  });
}

export function manualSnapshot(d: RoomDeps, user: AuthUser, roomId: string | undefined): Promise<CodeSnapshot> {
  return withRoom(d, user, roomId, async (a) => {
    allow(a, { roles: STAFF });
    requireOpen(a.room);
    const { snapshot } = await d.engine.collab('takeSnapshot', (c) => c.takeSnapshot(a.room.id, 'manual'));
    await storeCodeSnapshot(d.engine, snapshot);
    return snapshot;
  });
}
