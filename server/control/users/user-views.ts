import type { UserRecord } from '../../storage/control/users-repository.ts';
import type { UserProfile } from '../../protocol/api/auth.ts';
import { toTimestamp } from '../../protocol/timestamps.ts';

/** UserProfile (the caller's own view). */
export function toUserProfile(user: UserRecord): UserProfile {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    avatarUrl: user.avatarUrl,
    bio: user.bio,
    preferredLanguage: user.preferredLanguage,
    role: user.role,
    createdAt: toTimestamp(user.createdAt),
    updatedAt: toTimestamp(user.updatedAt),
  };
}
