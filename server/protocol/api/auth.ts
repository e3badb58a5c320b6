// Auth schemas of control-plane.md §9.1 and §10.1 (AuthTokens, UserProfile).
import { z } from 'zod';
import { zSupportedLanguage, zTimestamp, zUrl, zUserRole, zUuid } from './common.ts';

/** Emails are trimmed and lowercased before validation, storage and lookup (§3). */
export const zNormalizedEmail = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const zPassword = z.string().min(8).max(128);
export const zDisplayName = z.string().trim().min(1).max(50);

export const zUserProfile = z.object({
  id: zUuid,
  email: z.email(),
  displayName: z.string(),
  avatarUrl: zUrl.nullable(),
  bio: z.string().nullable(),
  preferredLanguage: zSupportedLanguage.nullable(),
  role: zUserRole,
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
});
export type UserProfile = z.infer<typeof zUserProfile>;

export const zAuthTokens = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: zTimestamp,
  refreshToken: z.string(),
  refreshTokenExpiresAt: zTimestamp,
  user: zUserProfile,
});
export type AuthTokens = z.infer<typeof zAuthTokens>;

export const zRegisterBody = z.object({ email: zNormalizedEmail, password: zPassword, displayName: zDisplayName });
export const zLoginBody = z.object({ email: z.string().trim().toLowerCase(), password: z.string() });
export const zRefreshBody = z.object({ refreshToken: z.string() });
export const zChangePasswordBody = z.object({ currentPassword: z.string(), newPassword: zPassword });
export const zForgotPasswordBody = z.object({ email: z.string().trim().toLowerCase() });
export const zResetPasswordBody = z.object({ token: z.string(), newPassword: zPassword });
