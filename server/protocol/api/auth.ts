// Auth schemas: register, login, refresh, password change and reset, and the AuthTokens and UserProfile
// bodies they answer with.
import * as z from 'zod';
import { zSupportedLanguage, zTimestamp, zUrl, zUserRole, zUuid } from './common.ts';

/** Emails are trimmed and lowercased before validation, storage and lookup. */
export const zNormalizedEmail = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const zPassword = z.string().min(8).max(128);
/**
 * Characters that let one name render as another: control characters (NUL included), format characters
 * (bidi overrides U+202A–U+202E and isolates U+2066–U+2069, zero-width U+200B–U+200D, U+2060, U+FEFF, ...),
 * line/paragraph separators and lone surrogates.
 */
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/**
 * A display name as every entry point accepts it (register, profile update): trimmed, NFC-normalised (so
 * one visible name has one stored form), 1..50 characters, without invisible or direction-changing ones.
 */
export const zDisplayName = z
  .string()
  .trim()
  .normalize('NFC')
  .min(1)
  .max(50)
  .refine((name) => !INVISIBLE_OR_CONTROL.test(name), {
    message: 'must not contain control, zero-width or text-direction characters',
  });

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
