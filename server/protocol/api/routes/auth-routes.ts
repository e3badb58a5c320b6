// Auth and users routes.
import * as z from 'zod';
import {
  zAuthTokens,
  zChangePasswordBody,
  zForgotPasswordBody,
  zLoginBody,
  zRefreshBody,
  zRegisterBody,
  zResetPasswordBody,
  zUserProfile,
} from '../auth.ts';
import {
  zActiveRoom,
  zAvatarUpload,
  zAvatarUploadBody,
  zDeleteMeBody,
  zPatchMeBody,
  zPublicProfile,
  zQuotaInfo,
  zStatsQuery,
  zTrainingStats,
} from '../users.ts';
import { defineRoutes } from './route-spec.ts';

const auth = 'auth';
const users = 'users';

export const authRoutes = defineRoutes({
  'POST /v1/auth/register': {
    tag: auth, summary: 'Create an account', public: true, body: zRegisterBody, status: 201, response: zAuthTokens, errors: ['AUTH_EMAIL_TAKEN'],
  },
  'POST /v1/auth/login': {
    tag: auth, summary: 'Sign in', public: true, body: zLoginBody, status: 200, response: zAuthTokens,
    errors: ['AUTH_INVALID_CREDENTIALS', 'AUTH_ACCOUNT_BANNED'],
  },
  'POST /v1/auth/refresh': {
    tag: auth, summary: 'Rotate a refresh token', public: true, body: zRefreshBody, status: 200, response: zAuthTokens,
    errors: ['AUTH_REFRESH_INVALID', 'AUTH_REFRESH_REUSED', 'AUTH_ACCOUNT_BANNED'],
  },
  'POST /v1/auth/logout': { tag: auth, summary: "Revoke the refresh token's family", public: true, body: zRefreshBody, status: 204 },
  'POST /v1/auth/change-password': {
    tag: auth, summary: 'Change password (revokes every session)', body: zChangePasswordBody, status: 200, response: zAuthTokens,
    errors: ['AUTH_WRONG_PASSWORD'],
  },
  'POST /v1/auth/forgot-password': {
    tag: auth, summary: 'Request a password-reset email', public: true, body: zForgotPasswordBody, status: 202, response: z.object({}),
  },
  'POST /v1/auth/reset-password': {
    tag: auth, summary: 'Set a new password with a reset token', public: true, body: zResetPasswordBody, status: 204,
    errors: ['AUTH_RESET_TOKEN_INVALID'],
  },
});

export const userRoutes = defineRoutes({
  'GET /v1/users/me': { tag: users, summary: 'My profile', status: 200, response: zUserProfile },
  'PATCH /v1/users/me': { tag: users, summary: 'Update my profile', body: zPatchMeBody, status: 200, response: zUserProfile, errors: ['VALIDATION_FAILED'] },
  'DELETE /v1/users/me': { tag: users, summary: 'Delete my account (soft delete)', body: zDeleteMeBody, status: 204, errors: ['AUTH_WRONG_PASSWORD'] },
  'POST /v1/users/me/avatar': {
    tag: users, summary: 'Presigned avatar upload (503 without object storage)', body: zAvatarUploadBody, status: 200, response: zAvatarUpload,
    errors: ['ROOM_MEDIA_UNAVAILABLE'],
  },
  'GET /v1/users/me/quotas': { tag: users, summary: 'My plan quotas and usage', status: 200, response: zQuotaInfo },
  'GET /v1/users/me/active-room': { tag: users, summary: 'The room to reconnect to', status: 200, response: zActiveRoom },
  'GET /v1/users/me/stats': {
    tag: users, summary: 'Training statistics time series', query: zStatsQuery, status: 200, response: zTrainingStats, errors: ['VALIDATION_FAILED'],
  },
  'GET /v1/users/:userId': { tag: users, summary: 'Public profile', status: 200, response: zPublicProfile, errors: ['USER_NOT_FOUND'] },
});
