// The operator's admin account (SYNCODE_ADMIN_EMAIL + SYNCODE_ADMIN_PASSWORD), ensured at every start.
import { randomUUID } from 'node:crypto';
import { StartupError } from '../../config/startup-error.ts';
import type { ControlServices } from '../context.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

/**
 * Creates the account as admin when the email is free. An existing non-admin account is promoted only when
 * the admin password verifies against it: otherwise whoever registered the operator's email first would
 * become admin with their own password, so the server refuses to start instead. An existing admin is left
 * as it is (its password is never overwritten). Every creation and promotion is written to the audit log.
 */
export async function bootstrapAdmin(ctx: Pick<ControlServices, 'users' | 'audit' | 'log'>, email: string | undefined, password: string | undefined): Promise<void> {
  if (!email || !password) return;
  const normalized = email.trim().toLowerCase();
  const now = Date.now();
  const existing = await ctx.users.findByEmail(normalized);
  if (existing?.role === 'admin') return;
  if (existing) {
    if (!(await verifyPassword(password, existing.passwordHash))) {
      throw new StartupError(
        `SYNCODE_ADMIN_EMAIL ${normalized} is taken by an existing account whose password SYNCODE_ADMIN_PASSWORD does not verify; ` +
          'refusing to make it admin. Use another email, or the password of that account.',
      );
    }
    await ctx.users.setRole(existing.id, 'admin', now);
    await ctx.audit.record('admin.bootstrap-promoted', { actorId: null, targetType: 'user', targetId: existing.id, details: { email: normalized } }, now);
    ctx.log.warn('promoted an existing account to admin (SYNCODE_ADMIN_EMAIL)', { email: normalized });
    return;
  }
  const passwordHash = await hashPassword(password);
  const id = randomUUID();
  const created = await ctx.users.insert({ id, email: normalized, passwordHash, displayName: 'Administrator', role: 'admin' }, now);
  // Another server process starting at the same time created (or someone registered) the account first: decide again.
  if (!created) return bootstrapAdmin(ctx, email, password);
  await ctx.audit.record('admin.bootstrap-created', { actorId: null, targetType: 'user', targetId: id, details: { email: normalized } }, now);
  ctx.log.info('created the bootstrap admin account', { email: normalized });
}
