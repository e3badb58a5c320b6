// Each author's tint: their room colour (from the `participant-joined` events, which carry it), else the room
// palette in participant order. One CSS class per author, used as Monaco inline decorations and in the legend.
import type { SessionDetail, SessionEvent } from '../../api/types.ts';

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324'];
const HEX = /^#[0-9a-fA-F]{6}$/;

export interface AuthorTints {
  /** userId → class name. */
  classes: ReadonlyMap<string, string>;
  css: string;
}

export function authorTints(timeline: readonly SessionEvent[], participants: SessionDetail['participants']): AuthorTints {
  const colors = new Map<string, string>();
  for (const e of timeline) {
    if (e.type !== 'participant-joined') continue;
    const p = e.data.participant as { userId?: unknown; color?: unknown } | undefined;
    if (typeof p?.userId === 'string' && typeof p.color === 'string' && HEX.test(p.color)) colors.set(p.userId, p.color);
  }
  participants.forEach((p, i) => {
    if (!colors.has(p.userId)) colors.set(p.userId, PALETTE[i % PALETTE.length]!);
  });
  const classes = new Map<string, string>();
  const rules: string[] = [];
  [...colors].forEach(([userId, color], i) => {
    classes.set(userId, `replay-author-${i}`);
    rules.push(`.replay-author-${i}{background-color:${color}55}`);
  });
  return { classes, css: rules.join('\n') };
}
