// Static analysis of the editor's text: posts it, follows the job, and shows the issues as Monaco markers. Monaco
// moves markers along with edits; they are cleared on a re-run, a language change, or once the text has changed
// substantially since it was sent (by anyone: remote edits count), when they would point at code that is gone.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisJob, JobAccepted, SupportedLanguage } from '../../../../server/protocol/index.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { useJob } from '../panels/use-job.ts';
import { roomActions } from '../room-actions.ts';
import { clearAnalysisMarkers, setAnalysisMarkers } from './analysis-markers.ts';
import type { monaco } from './monaco-setup.ts';

/** Characters inserted or deleted since the analysed text after which its markers are dropped. */
const STALE_AFTER_CHANGED_CHARS = 40;

export interface AnalysisState {
  analyse(): void;
  /** Posted and not finished yet. */
  busy: boolean;
  job: AnalysisJob | null;
  /** The request itself failed (e.g. EXEC_UNAVAILABLE). */
  error: unknown;
  /** The text changed substantially since the analysis: its markers were cleared. */
  stale: boolean;
}

export function useAnalysis(api: ApiClient, roomId: string, model: monaco.editor.ITextModel | null, language: SupportedLanguage): AnalysisState {
  const [accepted, setAccepted] = useState<JobAccepted | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const changedChars = useRef(0);
  const { result: job, error: pollError } = useJob<AnalysisJob>(api, accepted, null);

  const reset = useCallback(() => {
    if (model) clearAnalysisMarkers(model);
    changedChars.current = 0;
    setStale(false);
  }, [model]);

  const analyse = useCallback(() => {
    if (!model) return;
    reset();
    setError(null);
    roomActions(api, roomId)
      .analyse({ code: model.getValue(), language })
      .then(setAccepted, (e: unknown) => {
        setAccepted(null);
        setError(e);
      });
  }, [api, roomId, model, language, reset]);

  useEffect(() => {
    if (model && job?.status === 'completed' && job.result && changedChars.current <= STALE_AFTER_CHANGED_CHARS) setAnalysisMarkers(model, job.result.issues);
  }, [model, job]);

  useEffect(() => {
    if (!model) return;
    const subscription = model.onDidChangeContent((e) => {
      for (const change of e.changes) changedChars.current += change.text.length + change.rangeLength;
      if (changedChars.current > STALE_AFTER_CHANGED_CHARS) {
        clearAnalysisMarkers(model);
        setStale(true);
      }
    });
    return () => subscription.dispose();
  }, [model]);

  // Another language's tools judged other code.
  useEffect(() => {
    reset();
    setAccepted(null);
  }, [language, reset]);

  const busy = accepted !== null && (job === null || job.status === 'queued' || job.status === 'running') && pollError === null;
  return { analyse, busy, job, error: error ?? pollError, stale };
}
