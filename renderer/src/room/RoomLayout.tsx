import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor';
import { CODE_TEXT, mayWrite, type RoomRole, type RoomStatus, type SupportedLanguage } from '../../../server/protocol/index.ts';
import type { RoomParticipantSummary } from '../api/types.ts';
import { navigate } from '../app/router.ts';
import { useSession } from '../app/session-context.tsx';
import { ConfirmDialog, type ConfirmRequest } from '../ui/ConfirmDialog.tsx';
import { errorText } from '../ui/error-text.ts';
import { AiPanel } from './ai/AiPanel.tsx';
import type { RoomConnection } from './collab/room-connection.ts';
import { isStaff } from './collab/room-view.ts';
import { Console, type ConsoleHandle } from './panels/Console.tsx';
import { InterviewerNotes } from './panels/InterviewerNotes.tsx';
import { Participants } from './panels/Participants.tsx';
import { ProblemPanel } from './panels/ProblemPanel.tsx';
import { RoleSwapBanner, SwapRolesButton } from './panels/RoleSwap.tsx';
import { Scorecard } from './panels/Scorecard.tsx';
import { StaffControls } from './panels/StaffControls.tsx';
import { VideoPanel } from './panels/VideoPanel.tsx';
import { RoomHeader } from './RoomHeader.tsx';
import { RoomStopScreen } from './RoomStopScreen.tsx';
import { roomActions } from './room-actions.ts';
import { useOnlineUsers } from './use-online-users.ts';
import { useRoomView } from './use-room-connection.ts';

const Whiteboard = lazy(() => import('./whiteboard/Whiteboard.tsx').then((m) => ({ default: m.Whiteboard })));
// Monaco is its own chunk: the documents connect and sync while it downloads and compiles.
const CodeEditor = lazy(() => import('./editor/CodeEditor.tsx').then((m) => ({ default: m.CodeEditor })));

type CenterTab = 'code' | 'whiteboard';
type SideTab = 'problem' | 'ai';

export function RoomLayout({ conn }: { conn: RoomConnection }) {
  const { api } = useSession();
  const view = useRoomView(conn);
  const presence = useOnlineUsers(conn.code);
  const [tab, setTab] = useState<CenterTab>('code');
  const [boardOpened, setBoardOpened] = useState(false);
  const [sideTab, setSideTab] = useState<SideTab>('problem');
  const [editor, setEditor] = useState<MonacoEditor.IStandaloneCodeEditor | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const consoleRef = useRef<ConsoleHandle>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  // The phase a change was asked from: until the room leaves it, a second click would ask for the same step again.
  const [advancingFrom, setAdvancingFrom] = useState<RoomStatus | null>(null);
  const closeConfirm = useCallback(() => setConfirm(null), []);
  const room = roomActions(api, view.room.id);

  const act = useCallback((fn: () => Promise<unknown>) => {
    setActionError(null);
    fn()
      .then(() => conn.refresh())
      .catch((e: unknown) => setActionError(errorText(e)));
  }, [conn]);

  if (view.stop) return <RoomStopScreen stop={view.stop} roomId={view.room.id} onUseHere={() => conn.useHere()} />;

  const writable = mayWrite(view.role, 'code', view.editorLocked);
  const readOnlyReason =
    view.role === 'spectator'
      ? 'You are watching as a spectator: the editor is read-only.'
      : view.editorLocked
        ? view.lockReason === 'submit'
          ? 'The editor is locked while the submission is judged.'
          : 'The interviewer locked the editor.'
        : '';
  const staff = isStaff(view.role);
  // The AI tab: in rooms with AI on, and for the host, who can turn it on. Nobody else sees an AI that is off
  // (a candidate in an interview without AI is not shown an "AI interviewer" tab); turned off, it closes.
  const aiTab = view.role !== 'spectator' && (view.room.config.aiEnabled || view.role === 'host');
  const side = aiTab ? sideTab : 'problem';
  const solo = view.room.mode === 'practice';
  const readCode = () => conn.code.doc.getText(CODE_TEXT).toString();
  const peer = view.room.mode === 'peer' && (view.role === 'host' || view.role === 'candidate');
  const advancing = advancingFrom === view.phase;
  const changePhase = (to: RoomStatus) => {
    setAdvancingFrom(view.phase);
    act(() => room.advancePhase(to).catch((e: unknown) => {
      setAdvancingFrom(null);
      throw e;
    }));
  };
  const advance = (to: RoomStatus) => {
    if (advancing) return;
    if (to !== 'finished') return changePhase(to);
    setConfirm({
      title: 'Finish the interview?',
      text: 'The room closes for everybody and you all go to the session page. This cannot be undone.',
      confirmLabel: 'Finish for everybody',
      danger: true,
      onConfirm: () => changePhase(to),
    });
  };
  const changeLanguage = (language: SupportedLanguage) => act(() => room.selectProblem({ language }));
  const kick = (p: RoomParticipantSummary) =>
    setConfirm({
      title: `Remove ${p.displayName}?`,
      text: `${p.displayName} leaves the room at once and cannot rejoin it.`,
      confirmLabel: 'Remove',
      danger: true,
      onConfirm: () => act(() => room.kick(p.userId)),
    });
  const setRole = (p: RoomParticipantSummary, role: RoomRole) => act(() => room.setRole(p.userId, role));
  const leave = () =>
    setConfirm({
      title: 'Leave the room?',
      text: 'You can rejoin while the room is open.',
      confirmLabel: 'Leave',
      onConfirm: () =>
        void room
          .leave()
          .then(() => navigate({ name: 'lobby', tab: 'rooms' }))
          .catch((e: unknown) => setActionError(errorText(e))),
    });
  const openTab = (t: CenterTab) => {
    setTab(t);
    if (t === 'whiteboard') setBoardOpened(true);
  };

  return (
    <div className="room" data-testid="room" data-role={view.role}>
      <RoomHeader view={view} advancing={advancing} onAdvance={advance} onLanguage={changeLanguage} onLeave={leave} />
      {!writable && (
        <div className="banner locked" role="status" data-testid="readonly-banner">
          {readOnlyReason}
        </div>
      )}
      {peer && <RoleSwapBanner view={view} onDismiss={() => conn.dismissRoleSwap()} />}
      {view.notice && (
        <div className="banner warn" role="alert" data-testid="room-notice">
          {view.notice} <button type="button" className="link" onClick={() => conn.dismissNotice()}>Dismiss</button>
        </div>
      )}
      {actionError && (
        <div className="banner error" role="alert">
          {actionError} <button type="button" className="link" onClick={() => setActionError(null)}>Dismiss</button>
        </div>
      )}
      <div className="room-body">
        {/* Focusable: it scrolls, and without the AI tab it may hold nothing else a keyboard can reach. */}
        <section className="room-left" aria-label={aiTab ? 'Problem and AI interviewer' : 'Problem'} tabIndex={0}>
          {staff && view.phase === 'wrapup' && <Scorecard view={view} />}
          {aiTab && (
            <nav className="tabs" aria-label="Side panel">
              <button type="button" aria-pressed={side === 'problem'} onClick={() => setSideTab('problem')}>Problem</button>
              <button type="button" aria-pressed={side === 'ai'} onClick={() => setSideTab('ai')} data-testid="ai-tab">AI interviewer</button>
            </nav>
          )}
          <div hidden={side === 'ai'}>
            <ProblemPanel problemId={view.problemId} />
          </div>
          {side === 'ai' && <AiPanel view={view} readCode={readCode} editor={editor} />}
        </section>
        <section className="room-center" aria-label="Code and whiteboard">
          <nav className="tabs" aria-label="Workspace">
            <button type="button" aria-pressed={tab === 'code'} onClick={() => openTab('code')}>Code</button>
            <button type="button" aria-pressed={tab === 'whiteboard'} onClick={() => openTab('whiteboard')} data-testid="whiteboard-tab">Whiteboard</button>
          </nav>
          <div className="workspace" hidden={tab !== 'code'}>
            <Suspense fallback={<div className="code-editor editor-loading muted" role="status">Loading the editor…</div>}>
              <CodeEditor
                conn={conn.code}
                roomId={view.room.id}
                canAnalyse={view.role !== 'spectator' && view.phase !== 'finished'}
                language={view.language}
                readOnly={!writable}
                readOnlyMessage={readOnlyReason}
                onRun={() => consoleRef.current?.run()}
                onSubmit={() => consoleRef.current?.askSubmit()}
                onEditor={setEditor}
              />
            </Suspense>
            <Console ref={consoleRef} view={view} readCode={readCode} />
          </div>
          {boardOpened && (
            <div className="workspace" hidden={tab !== 'whiteboard'}>
              <Suspense fallback={<p className="center muted">Loading the whiteboard…</p>}>
                <Whiteboard
                  conn={conn.whiteboard}
                  readOnly={view.role === 'spectator'}
                  user={{ id: view.me.userId, name: view.me.displayName, color: view.me.color }}
                  fileName={`whiteboard-${view.room.id.slice(0, 8)}`}
                />
              </Suspense>
            </div>
          )}
        </section>
        <section className="room-right" aria-label="People and controls">
          {/* Solo practice has nobody to call, nobody to lock out, and no scorecard to take notes for. */}
          {!solo && <VideoPanel roomId={view.room.id} />}
          <h3>People</h3>
          <Participants
            participants={view.room.participants}
            meId={view.me.userId}
            myRole={view.role}
            interviewMode={view.room.mode === 'interview'}
            online={presence.online}
            reconnecting={presence.reconnecting}
            selfOffline={presence.selfOffline}
            onKick={kick}
            onRole={setRole}
          />
          {peer && <SwapRolesButton view={view} />}
          {staff && (
            <>
              <h3>Controls</h3>
              <StaffControls view={view} act={act} />
            </>
          )}
          {staff && !solo && view.phase !== 'wrapup' && (
            <>
              <h3>Private notes</h3>
              <InterviewerNotes view={view} />
            </>
          )}
        </section>
      </div>
      {confirm && <ConfirmDialog request={confirm} onClose={closeConfirm} />}
    </div>
  );
}
