// A CodeReview's line comments drawn in Monaco: a glyph in the margin and a tinted line per comment, with the
// comment as the hover message. Its own decoration collection, apart from the analysis markers and the
// remote cursors, so clearing one never touches the others. Plain objects only (no Monaco runtime import):
// this module is in the room chunk, and Monaco stays in its own.
import type { editor as MonacoEditor } from 'monaco-editor';
import type { CodeReview } from '../../api/types.ts';

export type ReviewComment = CodeReview['comments'][number];

export function showReviewComments(editor: MonacoEditor.IStandaloneCodeEditor, comments: readonly ReviewComment[]): () => void {
  const model = editor.getModel();
  if (!model) return () => {};
  const lines = model.getLineCount();
  // A model may name a line past the end of the code it saw (the code changed since): clamp to the last line.
  const decorations = comments.flatMap((c): MonacoEditor.IModelDeltaDecoration[] => {
    if (c.line === null || c.line < 1) return [];
    const line = Math.min(c.line, lines);
    const hover = { value: `**AI review (${c.severity})**\n\n${c.message}`, isTrusted: false, supportHtml: false };
    return [
      {
        range: { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: model.getLineMaxColumn(line) },
        options: {
          isWholeLine: true,
          className: `ai-review-line ai-review-${c.severity}`,
          glyphMarginClassName: `ai-review-glyph ai-review-${c.severity}`,
          glyphMarginHoverMessage: hover,
          hoverMessage: hover,
          overviewRuler: { color: SEVERITY_COLORS[c.severity], position: 4 /* OverviewRulerLane.Full */ },
        },
      },
    ];
  });
  const collection = editor.createDecorationsCollection(decorations);
  return () => collection.clear();
}

const SEVERITY_COLORS: Record<ReviewComment['severity'], string> = { error: '#e5534b', warning: '#d9a23a', info: '#4f8cff' };
