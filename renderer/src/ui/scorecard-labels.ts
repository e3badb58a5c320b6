// How feedback reads to people: the rating dimensions and the recommendation, for the room's scorecard, the
// session page and the exported report.
import type { Recommendation } from '../../../server/protocol/index.ts';

export const RATING_KEYS = ['problemSolving', 'communication', 'codeQuality', 'overall'] as const;
export type RatingKey = (typeof RATING_KEYS)[number];

export const RATING_LABEL: Record<RatingKey, string> = {
  problemSolving: 'Problem solving',
  communication: 'Communication',
  codeQuality: 'Code quality',
  overall: 'Overall',
};

export const RECOMMENDATION_LABEL: Record<Recommendation, string> = {
  'strong-no': 'Strong no',
  no: 'No',
  yes: 'Yes',
  'strong-yes': 'Strong yes',
};
