// Why the AI cannot answer here, and what would change that: shown in place of the chat, never hidden.
import { ErrorCode } from '../../../../server/protocol/index.ts';
import { desktopBridge } from '../../app/desktop-bridge.ts';
import { navigate } from '../../app/router.ts';
import { useSession } from '../../app/session-context.tsx';
import { formatTime } from '../../ui/format.ts';
import type { BlockedReason } from './use-ai-chat.ts';

export interface AiBlockedNoticeProps {
  reason: BlockedReason;
  /** The host may turn the AI on for the room (interview rooms start with it off). */
  onEnable: (() => void) | null;
}

export function AiBlockedNotice({ reason, onEnable }: AiBlockedNoticeProps) {
  const { server } = useSession();
  const onThisComputer = desktopBridge() !== undefined && server.profile?.kind === 'local';
  return (
    <div className="ai-blocked" role="status" data-testid="ai-blocked" data-code={reason.code}>
      {reason.code === ErrorCode.AI_UNAVAILABLE &&
        (onThisComputer ? (
          <>
            <p><strong>No AI model is set up on this computer.</strong></p>
            <p>
              Point SynCode at a model in the AI settings: a local Ollama or llama.cpp server works offline and is
              found with one click, or use any OpenAI-compatible provider with its key.
            </p>
            <button type="button" className="primary" onClick={() => navigate({ name: 'ai-settings' })}>Open AI settings</button>
          </>
        ) : (
          <>
            <p><strong>This server has no AI provider, or it is not answering.</strong></p>
            <p>
              Ask the server's operator to set <code>SYNCODE_AI_BASE_URL</code> (and <code>SYNCODE_AI_MODEL</code>,{' '}
              <code>SYNCODE_AI_API_KEY</code> if the provider needs one) to an OpenAI-compatible endpoint, for
              example a local Ollama at <code>http://127.0.0.1:11434/v1</code>.
            </p>
          </>
        ))}
      {reason.code === ErrorCode.AI_DISABLED && (
        <>
          <p><strong>The host turned the AI off for this room.</strong></p>
          {onEnable ? (
            <button type="button" onClick={onEnable} data-testid="ai-enable">Turn the AI on for this room</button>
          ) : (
            <p className="muted">Only the host can turn it on.</p>
          )}
        </>
      )}
      {reason.code === ErrorCode.USER_QUOTA_EXCEEDED && (
        <p>
          <strong>You have used your AI allowance.</strong>{' '}
          {typeof reason.details?.resetsAt === 'string' ? `It renews ${formatTime(reason.details.resetsAt)}.` : ''}
        </p>
      )}
    </div>
  );
}
