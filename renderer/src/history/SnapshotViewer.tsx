// Snapshot slider (the code at each snapshot) and a Monaco diff between any two snapshots.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CodeSnapshot, SupportedLanguage } from '../../../server/protocol/index.ts';
import { EDITOR_THEME, monaco, monacoLanguage } from '../room/editor/monaco-setup.ts';
import { formatTime } from '../ui/format.ts';
import { decodeSnapshot } from './snapshot-text.ts';
import { SNAPSHOT_TRIGGER_LABEL } from '../ui/labels.ts';

export function SnapshotViewer({ snapshots, language }: { snapshots: CodeSnapshot[]; language: SupportedLanguage }) {
  const decoded = useMemo(() => snapshots.map((s) => ({ ...s, ...decodeSnapshot(s.bytes) })), [snapshots]);
  const [index, setIndex] = useState(Math.max(0, decoded.length - 1));
  const [a, setA] = useState(0);
  const [b, setB] = useState(Math.max(0, decoded.length - 1));
  if (decoded.length === 0) return <p className="muted">No snapshots were taken in this session.</p>;
  const current = decoded[Math.min(index, decoded.length - 1)]!;
  const label = (s: (typeof decoded)[number], i: number) => `#${i + 1} ${SNAPSHOT_TRIGGER_LABEL[s.trigger]} · ${formatTime(s.takenAt)}`;
  return (
    <div className="stack">
      <div className="snapshot-pick">
        <span>
          Snapshot {index + 1} of {decoded.length}: <strong data-testid="snapshot-label">{SNAPSHOT_TRIGGER_LABEL[current.trigger]}</strong> at {formatTime(current.takenAt)}
        </span>
        <input type="range" min={0} max={decoded.length - 1} value={index} onChange={(e) => setIndex(Number(e.target.value))} aria-label="Snapshot" data-testid="snapshot-slider" />
      </div>
      <pre className="code-preview" data-testid="snapshot-code">{current.text}</pre>
      <h3>Compare</h3>
      <div className="row">
        <select aria-label="Compare from" value={a} onChange={(e) => setA(Number(e.target.value))}>
          {decoded.map((s, i) => <option key={s.id} value={i}>{label(s, i)}</option>)}
        </select>
        <span>→</span>
        <select aria-label="Compare to" value={b} onChange={(e) => setB(Number(e.target.value))}>
          {decoded.map((s, i) => <option key={s.id} value={i}>{label(s, i)}</option>)}
        </select>
      </div>
      <DiffView original={decoded[a]!.text} modified={decoded[b]!.text} language={decoded[b]!.language ?? language} />
    </div>
  );
}

export function DiffView({ original, modified, language, testId = 'snapshot-diff' }: { original: string; modified: string; language: SupportedLanguage; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  useEffect(() => {
    const diff = monaco.editor.createDiffEditor(host.current!, { readOnly: true, automaticLayout: true, renderSideBySide: true, minimap: { enabled: false }, theme: EDITOR_THEME });
    // Set on each side: the diff editor's originalAriaLabel/modifiedAriaLabel options do not reach them at creation.
    diff.getOriginalEditor().updateOptions({ ariaLabel: 'The earlier code' });
    diff.getModifiedEditor().updateOptions({ ariaLabel: 'The later code' });
    editor.current = diff;
    return () => {
      const models = editor.current?.getModel();
      editor.current?.dispose();
      models?.original.dispose();
      models?.modified.dispose();
    };
  }, []);
  useEffect(() => {
    const e = editor.current;
    if (!e) return;
    const old = e.getModel();
    const lang = monacoLanguage(language);
    e.setModel({ original: monaco.editor.createModel(original, lang), modified: monaco.editor.createModel(modified, lang) });
    old?.original.dispose();
    old?.modified.dispose();
  }, [original, modified, language]);
  return <div ref={host} className="diff-editor" data-testid={testId} />;
}
